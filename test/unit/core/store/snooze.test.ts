import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { applyDecision } from '../../../../src/core/store/decide';
import { openStore } from '../../../../src/core/store/portfolioStore';
import { reconcile } from '../../../../src/core/store/reconcile';
import { emptyPortfolio, STORE_FILE, type Decision } from '../../../../src/core/store/schema';
import { isSnoozed } from '../../../../src/core/store/snooze';
import { makeTempDir, removeDir } from '../../../helpers/tempDir';

const id = '00000000000000aa';
const decision = (overrides: Partial<Decision> = {}): Decision => ({ status: 'open', file: 'a.ts', tag: 'TODO', text: 'x', firstSeen: '2026-01-01', ...overrides });
const withItem = (overrides: Partial<Decision> = {}) => {
  const data = emptyPortfolio();
  data.items[id] = decision(overrides);
  return data;
};

describe('snooze decisions', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('snoozes until a future date, unpinning and unplanning the item; null removes the key', () => {
    const data = withItem({ status: 'planned', sprint: 4, pinned: true });
    applyDecision(data, id, { snoozedUntil: '2026-03-15' }, '2026-02-01');
    assert.deepEqual(data.items[id], decision({ status: 'open', snoozedUntil: '2026-03-15', decidedAt: '2026-02-01' }));
    applyDecision(data, id, { snoozedUntil: null }, '2026-02-02');
    assert.ok(!Object.hasOwn(data.items[id]!, 'snoozedUntil'));
  });

  it('refuses a past, present or impossible date, naming the item, and changes nothing', () => {
    for (const [until, problem] of [
      ['2026-01-31', /not in the future/],
      ['2026-02-01', /not in the future/],
      ['2026-02-30', /not a date/],
      ['soon', /not a date/],
    ] as const) {
      const data = withItem();
      assert.throws(() => applyDecision(data, id, { snoozedUntil: until }, '2026-02-01'), (e: Error) => e.message.includes(`item ${id}`) && problem.test(e.message));
      assert.deepEqual(data.items[id], decision());
    }
  });

  it('is snoozed before its date and not from it', () => {
    assert.equal(isSnoozed('2026-03-15', '2026-03-14'), true);
    assert.equal(isSnoozed('2026-03-15', '2026-03-15'), false);
    assert.equal(isSnoozed(undefined, '2026-03-14'), false);
  });

  it('survives reconcile, also when the item moves to another file', () => {
    const data = withItem({ snoozedUntil: '2026-03-15' });
    reconcile(data, [{ id, file: 'a.ts', tag: 'TODO', text: 'x' }], '2026-02-01');
    assert.equal(data.items[id]!.snoozedUntil, '2026-03-15');
    const moved = '00000000000000bb';
    reconcile(data, [{ id: moved, file: 'b.ts', tag: 'TODO', text: 'x' }], '2026-02-02');
    assert.equal(data.items[moved]!.snoozedUntil, '2026-03-15');
  });

  it('round-trips through the store file; an older store without it still loads', async () => {
    mkdirSync(path.join(root, '.debt'));
    writeFileSync(path.join(root, STORE_FILE), JSON.stringify({ schemaVersion: 2, items: { [id]: decision() } }));
    const store = await openStore(root);
    assert.equal(store.readOnly, undefined);
    await store.update((data) => void applyDecision(data, id, { snoozedUntil: '2026-03-15' }, '2026-02-01'));
    assert.equal((JSON.parse(readFileSync(path.join(root, STORE_FILE), 'utf8')) as { items: Record<string, Decision> }).items[id]!.snoozedUntil, '2026-03-15');
    assert.equal((await openStore(root)).data().items[id]!.snoozedUntil, '2026-03-15');
    await store.update((data) => void applyDecision(data, id, { snoozedUntil: null }, '2026-02-02'));
    assert.ok(!readFileSync(path.join(root, STORE_FILE), 'utf8').includes('snoozedUntil'));
  });

  it('a store file with a bad snoozedUntil is refused, naming the field', async () => {
    mkdirSync(path.join(root, '.debt'));
    writeFileSync(path.join(root, STORE_FILE), JSON.stringify({ schemaVersion: 2, items: { [id]: decision({ snoozedUntil: '2026-02-30' }) } }));
    const store = await openStore(root);
    assert.match(String(store.readOnly), new RegExp(`items\\.${id}\\.snoozedUntil: not a calendar date`));
  });
});
