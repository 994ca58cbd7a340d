import assert from 'node:assert/strict';
import { openStore } from '../../../src/core/store/portfolioStore';
import { applyDecision, planActionChange } from '../../../src/core/store/decide';
import { parseWebviewMessage, planCommand, PLAN_ACTIONS } from '../../../src/shared/protocol';
import { makeTempDir, removeDir } from '../../helpers/tempDir';

const ID = '0123456789abcdef';

describe('dashboard message protocol', () => {
  const valid: unknown[] = [{ type: 'ready' }, { type: 'refresh' }, { type: 'openCalendar' }, { type: 'reveal', id: ID }, { type: 'export', format: 'sarif' }, ...PLAN_ACTIONS.map((action) => ({ type: 'plan', id: ID, action }))];
  for (const message of valid) {
    it(`accepts ${JSON.stringify(message)}`, () => {
      assert.deepEqual(parseWebviewMessage(message), { ok: true, message });
    });
  }

  const invalid: Array<[string, unknown, RegExp]> = [
    ['null', null, /not an object/],
    ['an array', [], /not an object/],
    ['a string', 'ready', /not an object/],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }, /unknown message type "runCommand"/],
    ['an id that is not hex', { type: 'reveal', id: '../../etc/passwd' }, /16 hex digits/],
    ['an extra field', { type: 'reveal', id: ID, path: '/etc/passwd' }, /16 hex digits/],
    ['an unknown plan action', { type: 'plan', id: ID, action: 'delete' }, /include, exclude, pin, unpin/],
    ['an unknown export format', { type: 'export', format: 'exe' }, /csv, json, md, sarif/],
    ['a ready with payload', { type: 'ready', extra: 1 }, /takes no fields/],
    ['an openCalendar with a path to open', { type: 'openCalendar', file: '/etc/passwd' }, /openCalendar takes no fields/],
    ['a __proto__ payload', JSON.parse('{"type":"plan","id":"0123456789abcdef","action":"pin","__proto__":{"x":1}}'), /plan needs/],
  ];
  for (const [name, message, reason] of invalid) {
    it(`rejects ${name}, saying why`, () => {
      const result = parseWebviewMessage(message);
      assert.equal(result.ok, false);
      assert.match((result as { reason: string }).reason, reason);
    });
  }

  it('gives the read-only report the CLI command for each plan action', () => {
    assert.deepEqual(PLAN_ACTIONS.map((action) => planCommand(ID, action)), [`debt-portfolio status ${ID} --set planned`, `debt-portfolio status ${ID} --set accepted --unpin`, `debt-portfolio status ${ID} --pin`, `debt-portfolio status ${ID} --unpin`]);
  });

  describe("each plan message's effect on the store", () => {
    let root: string;
    beforeEach(() => (root = makeTempDir()));
    afterEach(() => removeDir(root));

    it('include plans for the sprint, pin pins, unpin unpins, exclude accepts and unpins', async () => {
      const store = await openStore(root);
      await store.update((data) => void (data.items[ID] = { status: 'open', file: 'a.ts', tag: 'TODO', text: 'x', firstSeen: '2026-01-01' }));
      const apply = (action: (typeof PLAN_ACTIONS)[number]) => store.update((data) => void applyDecision(data, ID, planActionChange(action, 7), '2026-02-01'));
      await apply('include');
      assert.deepEqual([store.data().items[ID]!.status, store.data().items[ID]!.sprint], ['planned', 7]);
      await apply('pin');
      assert.equal(store.data().items[ID]!.pinned, true);
      await apply('unpin');
      assert.equal(store.data().items[ID]!.pinned, undefined);
      await apply('pin');
      await apply('exclude');
      const item = (await openStore(root)).data().items[ID]!;
      assert.deepEqual([item.status, item.sprint, item.pinned], ['accepted', undefined, undefined]);
    });
  });
});
