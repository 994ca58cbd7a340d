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
  totals: { openItems: number; principal: number; interest: number; severity: SeverityBands };
}

/** The interest (h/sprint) from which an open item counts as high or medium severity, relative to the portfolio. */
export interface SeverityBands {
  high: number;
  medium: number;
}

export const isOpen = (item: Pick<PortfolioItem, 'status'>): boolean => item.status === 'open' || item.status === 'planned';

export function totalsOf(items: readonly PortfolioItem[]): PortfolioView['totals'] {
  const open = items.filter(isOpen);
  return {
    openItems: open.length,
    principal: open.reduce((sum, item) => sum + item.score.principal, 0),
    interest: open.reduce((sum, item) => sum + item.score.interest, 0),
    severity: severityBandsOf(open),
  };
}

/** Shares of the open items with interest that are high and at least medium: the costliest tenth, then the next 30%. */
const HIGH_SHARE = 0.1;
const MEDIUM_OR_HIGH_SHARE = 0.4;

/** Bands relative to the portfolio, so icons tell its items apart whatever its scale (see HIGH_SHARE). */
export function severityBandsOf(open: readonly PortfolioItem[]): SeverityBands {
  const interests = open.map((item) => item.score.interest).filter((interest) => interest > 0).sort((a, b) => b - a);
  const atShare = (share: number): number => interests[Math.max(0, Math.ceil(interests.length * share) - 1)] ?? Number.POSITIVE_INFINITY;
  return { high: atShare(HIGH_SHARE), medium: atShare(MEDIUM_OR_HIGH_SHARE) };
}

/** A short, one-line title: "[TODO] text" or "[hotspot] name". */
export function titleOf(item: PortfolioItem): string {
  const label = item.kind === 'annotation' ? item.tag : item.kind;
  const text = item.kind === 'annotation' ? item.text : (item as { name?: string }).name ?? '';
  return `[${label}] ${text || '(no text)'}`;
}

export const explain = (term: ScoreTerm): string => `${term.formula} = ${round(term.value, 2)}${term.unit ? ` ${term.unit}` : ''}`;

export const round = (value: number, digits = 1): string => {
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor);
};

export type Severity = 'high' | 'medium' | 'low' | 'none';

/** An interest's band for colours, icons and diagnostics: none without interest, else by the portfolio's bands. */
export function severityOf(interest: number, bands: SeverityBands): Severity {
  if (interest <= 0) return 'none';
  if (interest >= bands.high) return 'high';
  return interest >= bands.medium ? 'medium' : 'low';
}

/** "5.6 h/sprint · payback 2.1 sprints" */
export function costLine(score: ItemScore): string {
  const payback = score.payback === null ? 'no interest' : `payback ${round(score.payback)} sprints`;
  return `${round(score.interest)} h/sprint · ${payback}`;
}
