import type { DebtItem } from '../model';
import type { Status } from '../store/schema';
import type { ItemScore, ScoreTerm } from '../scoring/types';
import type { Plan } from './planner';

/** An item as every surface shows it: what was found, what it costs, what the team decided. */
export type PortfolioItem = DebtItem & {
  score: ItemScore;
  status: Status;
  sprint?: number;
  pinned?: boolean;
  notes?: string;
  /** The owner override from the store, else META owner. */
  owner?: string;
  /** When, by whom and in which commit the annotation's line came in (git blame). */
  age?: { introduced: string; author: string; commit: string };
};

export interface PortfolioView {
  version: 1;
  generatedAt: string;
  root: string;
  items: PortfolioItem[];
  plan: Plan;
  totals: { openItems: number; principal: number; interest: number };
}

export const isOpen = (item: Pick<PortfolioItem, 'status'>): boolean => item.status === 'open' || item.status === 'planned';

export function totalsOf(items: readonly PortfolioItem[]): PortfolioView['totals'] {
  const open = items.filter(isOpen);
  return {
    openItems: open.length,
    principal: open.reduce((sum, item) => sum + item.score.principal, 0),
    interest: open.reduce((sum, item) => sum + item.score.interest, 0),
  };
}

/** A short, one-line title: "[TODO] text", "[hotspot] name" or "[file] path". */
export function titleOf(item: PortfolioItem): string {
  const label = item.kind === 'annotation' ? item.tag : item.kind;
  const text = item.kind === 'annotation' ? item.text : item.kind === 'hotspot' ? item.name : item.file;
  return `[${label}] ${text || '(no text)'}`;
}

/** What an item is, in one line: an annotation's text, a hotspot's metrics, a file's size and share of its cost. */
export function detailOf(item: PortfolioItem): string {
  if (item.kind === 'annotation') return item.text;
  if (item.kind === 'hotspot') return `${item.name}: cognitive ${item.metrics.cognitive}, cyclomatic ${item.metrics.cyclomatic}`;
  const complexity = item.measure.complexity ? `, cognitive ${item.measure.complexity.cognitive}` : '';
  return `the rest of the file (${round(item.score.share * 100, 0)}% of its cost): ${item.measure.lines} lines${complexity}`;
}

export const explain = (term: ScoreTerm): string => `${term.formula} = ${round(term.value, 2)}${term.unit ? ` ${term.unit}` : ''}`;

export const round = (value: number, digits = 1): string => {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
};

export type Severity = 'high' | 'medium' | 'low' | 'none';

/** Interest bands for colours and icons: 8 h/sprint or more is high, 2 or more medium, anything else low. */
export function severityOf(interest: number): Severity {
  if (interest >= 8) return 'high';
  if (interest >= 2) return 'medium';
  return interest > 0 ? 'low' : 'none';
}

/** "5.6 h/sprint · payback 2.1 sprints" */
export function costLine(score: ItemScore): string {
  const payback = score.payback === null ? 'no interest' : `payback ${round(score.payback)} sprints`;
  return `${round(score.interest)} h/sprint · ${payback}`;
}
