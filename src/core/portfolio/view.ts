import { formatCost, formatNumber, formatPercent } from '../../shared/format';
import type { DeliveryReport } from '../history/delivery';
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
  /** Out of sprint plans until this day (YYYY-MM-DD), as the store says; past it, the item is back. */
  snoozedUntil?: string;
  /** The owner override from the store, else META owner, else the blame author of the annotation's line. */
  owner?: string;
  /** Set when the owner is the blame author, not someone the team named. */
  ownerFrom?: 'git';
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
  /** Days per sprint: how far a payback in sprints reaches. */
  sprintLengthDays?: number;
  /** The team set its sprint calendar in .debt/config.json; absent, sprint numbers come from the default one. */
  calendarSet?: boolean;
  /** Delivery figures beside the debt (JSON export, when history is on and the portfolio is today's). */
  delivery?: DeliveryReport;
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

/** A function's short name and what holds it: `Class.method` is `method` in `Class`; `<anonymous>` is named by its line. */
export function functionNameOf(name: string, line: number): { name: string; container?: string } {
  if (name === '<anonymous>') return { name: `line ${line}` };
  const dot = name.includes(' ') ? -1 : name.lastIndexOf('.');
  return dot > 0 ? { name: name.slice(dot + 1), container: name.slice(0, dot) } : { name };
}

/** The tree's label: a function's short name, an annotation's text (after its tag unless the tree is grouped by tag). */
/** What a file item is: the file's cost that none of its debt items carries. */
const REST_OF_FILE = 'the rest of the file';

/** An item's label in a tree grouped by `groupBy`: what the group already says (the tag, the file) is not repeated. */
export function labelOf(item: PortfolioItem, groupBy: string): string {
  if (item.kind === 'hotspot') return functionNameOf(item.name, item.line).name;
  if (item.kind === 'file') return groupBy === 'tag' ? REST_OF_FILE : groupBy === 'file' ? `[file] ${REST_OF_FILE}` : titleOf(item);
  return groupBy === 'tag' ? item.text || '(no text)' : titleOf(item);
}

/** A short, one-line title: "[TODO] text", "[hotspot] name" or "[file] path". */
export function titleOf(item: PortfolioItem): string {
  const label = item.kind === 'annotation' ? item.tag : item.kind;
  const text = item.kind === 'annotation' ? item.text : item.kind === 'file' ? item.file : item.name === '<anonymous>' ? `function at line ${item.line}` : item.name;
  return `[${label}] ${text || '(no text)'}`;
}

/** What an item is, in one line: an annotation's text, a hotspot's metrics, a file's size and share of its cost. */
export function detailOf(item: PortfolioItem): string {
  if (item.kind === 'annotation') return item.text;
  if (item.kind === 'hotspot') return `${item.name}: cognitive ${item.metrics.cognitive}, cyclomatic ${item.metrics.cyclomatic}`;
  const complexity = item.measure.complexity ? `, cognitive ${item.measure.complexity.cognitive}` : '';
  return `the rest of the file (${formatPercent(item.score.share)} of its cost): ${item.measure.lines} lines${complexity}`;
}

/** "3 changes/sprint × 4 h × 0.45 = 5.4 h"; a payback term with no interest says "never", not "0 sprints". */
export const explain = (term: ScoreTerm): string => {
  if (term.name === 'payback' && term.formula.startsWith('no interest')) return 'payback: never (no interest to pay back)';
  return `${term.formula} = ${formatNumber(term.value)}${term.unit ? ` ${term.unit}` : ''}`;
};

/** Rounds as every surface does (see shared/format). */
export const round = (value: number): string => formatNumber(value);

export type Severity = 'high' | 'medium' | 'low' | 'none';

/** An interest's band for colours, icons and diagnostics: none without interest, else by the portfolio's bands. */
export function severityOf(interest: number, bands: SeverityBands): Severity {
  if (interest <= 0) return 'none';
  if (interest >= bands.high) return 'high';
  return interest >= bands.medium ? 'medium' : 'low';
}

/** "5.6 h/sprint · payback 2.1 sprints" */
export const costLine = (score: ItemScore, sprintLengthDays?: number): string => formatCost(score.interest, score.payback, sprintLengthDays);

/** This item's part of what its file's items cost per sprint, 0..1; null when the file costs nothing. */
export function fileShareOf(item: PortfolioItem, items: readonly PortfolioItem[]): number | null {
  const fileCost = items.reduce((sum, other) => sum + (other.file === item.file ? other.score.interest : 0), 0);
  return fileCost > 0 ? item.score.interest / fileCost : null;
}

/** The hover's and tooltip's first line: "0.9 h/sprint · payback 2.2 sprints · 18% of the file's cost". */
export function leadLine(item: PortfolioItem, view: Pick<PortfolioView, 'items' | 'sprintLengthDays'>): string {
  const share = fileShareOf(item, view.items);
  return `${costLine(item.score, view.sprintLengthDays)}${share === null ? '' : ` · ${formatPercent(share)} of the file's cost`}`;
}

const READER_TERMS: Record<string, string> = { cycleTimeInterest: 'cost of changes', incidentInterest: 'cost of fixes and incidents', principal: 'to fix' };

/** The terms a reader needs (what the cost comes from, what fixing takes), without the ones that are zero. */
export const readerTerms = (item: PortfolioItem): string[] =>
  item.score.terms
    .filter((term) => (READER_TERMS[term.name] && (term.value !== 0 || term.name === 'principal')) || (term.name === 'interest' && term.formula.includes('impact')))
    .map((term) => `${READER_TERMS[term.name] ?? term.name}: ${explain(term)}`);

/** "owner alice", "owner from git: Alex Ross" or "no owner". */
export const ownerText = (item: PortfolioItem): string => (!item.owner ? 'no owner' : item.ownerFrom === 'git' ? `owner from git: ${item.owner}` : `owner ${item.owner}`);
