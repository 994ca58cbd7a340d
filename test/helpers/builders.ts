import type { PortfolioItem, PortfolioView } from '../../src/core/portfolio/view';
import { totalsOf } from '../../src/core/portfolio/view';
import { planPortfolio, type PlanSettings } from '../../src/core/portfolio/planner';
import { emptyPortfolio } from '../../src/core/store/schema';

let counter = 0;

/** A scored annotation with valid defaults; override what the test is about. */
export function portfolioItem(overrides: Partial<PortfolioItem> = {}): PortfolioItem {
  counter++;
  return {
    id: counter.toString(16).padStart(16, '0'),
    kind: 'annotation',
    tag: 'TODO',
    text: `item ${counter}`,
    meta: {},
    file: 'src/a.ts',
    line: counter,
    column: 4,
    endLine: counter,
    language: 'typescript',
    warnings: [],
    status: 'open',
    score: {
      interest: 2,
      principal: 4,
      payback: 2,
      cycleTimeInterest: 2,
      incidentInterest: 0,
      terms: [{ name: 'cycleTimeInterest', value: 2, unit: 'h/sprint', formula: '1 changes/sprint × 4 h × 0.5' }],
    },
    ...overrides,
  } as PortfolioItem;
}

export const PLAN_SETTINGS: PlanSettings = { capacityHours: 100, allocationPercent: 20, sprintLengthDays: 14, firstSprintStart: '2026-01-05', roadmapSprints: 2, adherenceSprints: 3 };

/** A portfolio view over the given items, planned as of `today`. */
export function portfolioView(items: PortfolioItem[], today = '2026-01-20'): PortfolioView {
  const planItems = items.map((item) => ({ id: item.id, principal: item.score.principal, interest: item.score.interest, status: item.status, pinned: item.pinned, sprint: item.sprint }));
  return { version: 1, generatedAt: `${today}T00:00:00.000Z`, root: '/work/repo with space', items, plan: planPortfolio(planItems, emptyPortfolio(), PLAN_SETTINGS, today), totals: totalsOf(items) };
}

/** `count` distinct lines of code (`seed_i = i`): a file of a known size whose content changes with the seed. */
export const numberedLines = (count: number, seed: string): string => `${Array.from({ length: count }, (_, i) => `${seed}_${i} = ${i}`).join('\n')}\n`;
