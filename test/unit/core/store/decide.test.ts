import assert from 'node:assert/strict';
import { applyDecision, UnknownItemError } from '../../../../src/core/store/decide';
import { emptyPortfolio } from '../../../../src/core/store/schema';

describe('team decisions', () => {
  const id = '00000000000000aa';
  const fresh = () => {
    const data = emptyPortfolio();
    data.items[id] = { status: 'open', file: 'a.ts', tag: 'TODO', text: 'x', firstSeen: '2026-01-01' };
    return data;
  };

  it('plans an item for a sprint with a note, dated today', () => {
    const data = fresh();
    applyDecision(data, id, { status: 'planned', sprint: 4, notes: 'pair on it' }, '2026-02-01');
    assert.deepEqual(data.items[id], { status: 'planned', sprint: 4, notes: 'pair on it', decidedAt: '2026-02-01', file: 'a.ts', tag: 'TODO', text: 'x', firstSeen: '2026-01-01' });
  });

  it('reopening drops the sprint; null clears owner; unpinning removes the flag', () => {
    const data = fresh();
    applyDecision(data, id, { status: 'planned', sprint: 4, pinned: true, owner: 'bob' }, '2026-02-01');
    applyDecision(data, id, { status: 'open', pinned: false, owner: null }, '2026-02-02');
    assert.equal(data.items[id]!.sprint, undefined);
    assert.equal(data.items[id]!.pinned, undefined);
    assert.equal(data.items[id]!.owner, undefined);
    assert.equal(data.items[id]!.decidedAt, '2026-02-02');
  });

  it('names an unknown id', () => {
    assert.throws(() => applyDecision(fresh(), 'ffffffffffffffff', { status: 'accepted' }, '2026-02-01'), (e: Error) => e instanceof UnknownItemError && /ffffffffffffffff/.test(e.message));
  });
});
