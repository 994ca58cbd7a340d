import assert from 'node:assert/strict';
import fc from 'fast-check';
import { chooseWithin, EXACT_LIMIT_ITEMS, type Choice } from '../../../../src/core/portfolio/knapsack';
import { adherenceOf, planPortfolio, planRoadmap, type PlanItem, type PlanSettings } from '../../../../src/core/portfolio/planner';
import { sprintCalendar } from '../../../../src/core/portfolio/sprints';
import { reconcile } from '../../../../src/core/store/reconcile';
import { emptyPortfolio } from '../../../../src/core/store/schema';

const settings: PlanSettings = { capacityHours: 100, allocationPercent: 20, sprintLengthDays: 14, firstSprintStart: '2026-01-05', roadmapSprints: 3, adherenceSprints: 6 };
const item = (id: string, principal: number, interest: number, extra: Partial<PlanItem> = {}): PlanItem => ({ id, principal, interest, status: 'open', ...extra });
const totalValue = (choices: readonly Choice[], ids: readonly string[]): number => choices.filter((c) => ids.includes(c.id)).reduce((a, c) => a + c.value, 0);
const totalCost = (choices: readonly Choice[], ids: readonly string[]): number => choices.filter((c) => ids.includes(c.id)).reduce((a, c) => a + Math.ceil(c.cost), 0);

function bruteForceBest(choices: readonly Choice[], budget: number): number {
  let best = 0;
  for (let mask = 0; mask < 1 << choices.length; mask++) {
    const ids = choices.filter((_, i) => mask & (1 << i)).map((c) => c.id);
    if (totalCost(choices, ids) <= budget) best = Math.max(best, totalValue(choices, ids));
  }
  return best;
}

describe('sprint calendar', () => {
  it('numbers sprints from the first start date', () => {
    const calendar = sprintCalendar('2026-01-05', 14);
    assert.equal(calendar.sprintOf('2026-01-05'), 1);
    assert.equal(calendar.sprintOf('2026-01-18'), 1);
    assert.equal(calendar.sprintOf('2026-01-19'), 2);
    assert.equal(calendar.sprintOf('2026-01-04'), 0);
    assert.deepEqual(calendar.range(3), { sprint: 3, start: '2026-02-02', end: '2026-02-15' });
  });
});

describe('knapsack', () => {
  it('is optimal against brute force on small random cases', () => {
    const choiceArb = fc.record({ cost: fc.integer({ min: 1, max: 12 }), value: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(fc.array(choiceArb, { maxLength: 10 }), fc.integer({ min: 0, max: 40 }), (raw, budget) => {
        const choices = raw.map((c, i) => ({ id: `c${i}`, ...c }));
        const { ids, method } = chooseWithin(choices, budget);
        assert.equal(method, 'exact');
        assert.ok(totalCost(choices, ids) <= budget);
        assert.equal(totalValue(choices, ids), bruteForceBest(choices, budget));
      }),
      { numRuns: 300 },
    );
  });

  it('rounds fractional hours up', () => {
    const { ids } = chooseWithin([{ id: 'a', cost: 2.2, value: 10 }, { id: 'b', cost: 1, value: 1 }], 3);
    assert.deepEqual(ids, ['a']);
  });

  it('beats the greedy choice where greedy is wrong', () => {
    // greedy by ratio takes a (10/6) then nothing fits; the best is b + c (9 + 9)
    const choices = [{ id: 'a', cost: 6, value: 10 }, { id: 'b', cost: 5, value: 9 }, { id: 'c', cost: 5, value: 9 }];
    assert.deepEqual(chooseWithin(choices, 10).ids.sort(), ['b', 'c']);
  });

  it('falls back to ratio-greedy beyond the exact limit, within budget', () => {
    const choices = Array.from({ length: EXACT_LIMIT_ITEMS + 1 }, (_, i) => ({ id: `c${i}`, cost: 1 + (i % 7), value: 1 + (i % 11) }));
    const { ids, method } = chooseWithin(choices, 50);
    assert.equal(method, 'greedy');
    assert.ok(totalCost(choices, ids) <= 50);
    const worstChosenRatio = Math.min(...choices.filter((c) => ids.includes(c.id)).map((c) => c.value / c.cost));
    assert.ok(worstChosenRatio >= 10 / 7);
  });
});

describe('planner', () => {
  const today = '2026-01-20'; // sprint 2; the roadmap starts with sprint 3

  it('puts pinned and planned items first, then fills the budget with the most interest', () => {
    const items = [
      item('pin', 6, 0.1, { pinned: true }),
      item('planned', 4, 0.2, { status: 'planned', sprint: 3 }),
      item('big', 9, 5),
      item('small1', 5, 3),
      item('small2', 5, 3),
      item('accepted', 1, 9, { status: 'accepted' }),
    ];
    const plan = planRoadmap(items, settings, today);
    assert.equal(plan.budget, 20);
    const next = plan.roadmap[0]!;
    assert.equal(next.sprint, 3);
    // 10 h forced leaves 10 h: small1 + small2 (6 h/sprint) beat big (5 h/sprint)
    assert.deepEqual(next.items.map((i) => [i.id, i.reason]), [['pin', 'pinned'], ['planned', 'planned'], ['small1', 'chosen'], ['small2', 'chosen']]);
    assert.equal(next.plannedHours, 20);
    assert.equal(next.interestRemoved, 6.3);
    assert.equal(next.overBudget, false);
    assert.deepEqual(plan.roadmap[1]!.items.map((i) => i.id), ['big']);
    assert.deepEqual(plan.roadmap[2]!.items, []);
  });

  it('flags a sprint whose pinned work is over budget', () => {
    const plan = planRoadmap([item('a', 15, 1, { pinned: true }), item('b', 10, 1, { pinned: true })], settings, today);
    assert.equal(plan.roadmap[0]!.overBudget, true);
    assert.equal(plan.roadmap[0]!.plannedHours, 25);
  });

  it('keeps items planned for this sprint out of the roadmap and counts them as this sprint', () => {
    const plan = planRoadmap([item('now', 3, 1, { status: 'planned', sprint: 2 }), item('later', 3, 1)], settings, today);
    assert.deepEqual(plan.current.plannedIds, ['now']);
    assert.equal(plan.current.sprint, 2);
    assert.deepEqual(plan.roadmap[0]!.items.map((i) => i.id), ['later']);
  });

  it('never plans an item twice across the roadmap', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ principal: fc.integer({ min: 0, max: 30 }), interest: fc.integer({ min: 0, max: 10 }), pinned: fc.boolean() }), { maxLength: 40 }), (raw) => {
        const items = raw.map((r, i) => item(`i${i}`, r.principal, r.interest, { pinned: r.pinned }));
        const ids = planRoadmap(items, settings, today).roadmap.flatMap((sprint) => sprint.items.map((i) => i.id));
        assert.equal(new Set(ids).size, ids.length);
      }),
      { numRuns: 200 },
    );
  });

  it('measures adherence from the items retired in each past sprint', () => {
    const data = emptyPortfolio();
    const seen = (ids: string[]) => ids.map((id) => ({ id: id.padStart(16, '0'), file: 'a.ts', tag: 'TODO', text: id, principal: Number(id) }));
    reconcile(data, seen(['4', '6', '10', '20']), '2026-01-06'); // sprint 1: four items seen
    reconcile(data, seen(['10', '20']), '2026-01-21'); // sprint 2: 4 h + 6 h retired
    reconcile(data, seen(['20']), '2026-02-14'); // sprint 3: 10 h retired
    const adherence = adherenceOf(data, settings, '2026-02-20'); // today is in sprint 4
    assert.deepEqual(adherence.map((s) => [s.sprint, s.retiredPrincipal, s.adherence]), [[1, 0, 0], [2, 10, 0.5], [3, 10, 0.5]]);
    assert.equal(planPortfolio([], data, settings, '2026-02-20').adherence.length, 3);
  });

  it('has no adherence (n/a, not 0%) for sprints before the store recorded anything', () => {
    assert.deepEqual(adherenceOf(emptyPortfolio(), settings, '2026-02-20'), []);
    const data = emptyPortfolio();
    reconcile(data, [{ id: '1'.padStart(16, '0'), file: 'a.ts', tag: 'TODO', text: 'x', principal: 2 }], '2026-02-03'); // sprint 3
    assert.deepEqual(adherenceOf(data, settings, '2026-02-20').map((s) => s.sprint), [3]);
  });
});

describe('snoozed items in the plan', () => {
  const items = [item('a', 10, 50, { snoozedUntil: '2026-02-02' }), item('b', 10, 5), item('c', 10, 4), item('d', 5, 1, { pinned: true, snoozedUntil: '2026-02-02' })];
  const ids = (today: string) => planRoadmap(items, settings, today).roadmap.map((sprint) => sprint.items.map((i) => i.id).sort());

  it('leaves a snoozed item out of every sprint that starts before its date, pinned or not, and takes it back from then', () => {
    const [next, after] = ids('2026-01-10');
    assert.deepEqual(next, ['b', 'c']);
    assert.ok(after!.includes('a'), 'back in the sprint that starts on its date');
  });

  it('chooses it for the next sprint once the date has come', () => {
    assert.deepEqual(ids('2026-02-02')[0], ['a', 'd']);
  });
});
