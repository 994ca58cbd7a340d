import type { DebtItem } from '../model';
import type { Scorer, ScoredItem } from './build';
import type { ScoreTerm } from './view';

const HOURS_PER = { m: 1 / 60, h: 1, d: 8, pt: 4 } as const;
const DEFAULT_PRINCIPAL: Record<string, number> = { TODO: 2, FIXME: 4, BUG: 4, HACK: 4, XXX: 2, OPTIMIZE: 4, REFACTOR: 8, DEBT: 4 };

/** Hours to fix: META effort when given (a day is 8 h, a point 4 h), else a default by tag. */
export function principalOf(item: DebtItem): { hours: number; term: ScoreTerm } {
  const effort = item.kind === 'annotation' ? item.meta.effort : undefined;
  const m = effort ? /^(\d+(?:\.\d+)?)(m|h|d|pt)$/.exec(effort) : null;
  if (m) {
    const hours = Number(m[1]) * HOURS_PER[m[2] as keyof typeof HOURS_PER];
    return { hours, term: { name: 'principal', value: hours, unit: 'h', formula: `effort ${effort}` } };
  }
  const tag = item.kind === 'annotation' ? item.tag : item.kind;
  const hours = DEFAULT_PRINCIPAL[tag] ?? 2;
  return { hours, term: { name: 'principal', value: hours, unit: 'h', formula: `default for ${tag}` } };
}

/** Scores without git history: principal only, no interest, and one notice that says so. */
export const plainScorer: Scorer = {
  async score(_root, items) {
    const scored = new Map<string, ScoredItem>();
    for (const item of items) {
      const principal = principalOf(item);
      scored.set(item.id, {
        score: {
          interest: 0,
          principal: principal.hours,
          payback: null,
          cycleTimeInterest: 0,
          incidentInterest: 0,
          terms: [principal.term, { name: 'interest', value: 0, unit: 'h/sprint', formula: 'history off: no changes or incidents to count' }],
        },
      });
    }
    return { scored, notices: ['git history is off: interest is not computed'] };
  },
};
