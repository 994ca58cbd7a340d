import { stringify } from 'csv-stringify/sync';
import { formatPayback } from '../../shared/format';
import { withoutControls } from '../text/controls';
import { explain, ownerText, round, titleOf, type PortfolioItem, type PortfolioView } from '../portfolio/view';

export const CSV_COLUMNS = ['Summary', 'Description', 'Labels', 'Estimate', 'Priority', 'Owner', 'Status', 'Sprint', 'Interest', 'Payback', 'Location', 'ID'] as const;

const PRIORITY_BY_IMPACT: Record<string, string> = { critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low' };

/** META impact when given, else from payback: within a sprint High, within four Medium, else Low. */
export function priorityOf(item: PortfolioItem): string {
  const impact = item.kind === 'annotation' ? item.meta.impact : undefined;
  if (impact) return PRIORITY_BY_IMPACT[impact]!;
  const payback = item.score.payback;
  if (payback === null) return 'Low';
  return payback <= 1 ? 'High' : payback <= 4 ? 'Medium' : 'Low';
}

function descriptionOf(item: PortfolioItem): string {
  const lines = [`${item.file}:${item.line}`, '', item.kind === 'annotation' ? item.text : titleOf(item), '', ...item.score.terms.map(explain)];
  if (item.ownerFrom === 'git') lines.push('', ownerText(item));
  if (item.notes) lines.push('', `Notes: ${item.notes}`);
  lines.push('', `Tech Debt Portfolio id ${item.id}`);
  return lines.join('\n');
}

function labelsOf(item: PortfolioItem): string {
  const labels = ['tech-debt', item.kind === 'annotation' ? item.tag.toLowerCase() : item.kind];
  const kind = item.kind === 'annotation' ? item.meta.kind : undefined;
  if (kind) labels.push(kind);
  return labels.join(',');
}

/**
 * RFC 4180 CSV, every item a row, with columns that import into Jira, Linear and GitHub issue
 * importers (Summary, Description, Labels, Estimate in hours, Priority, Owner). Cells that a
 * spreadsheet would run as a formula (starting =, +, -, @, tab or CR) are prefixed with '; control
 * characters are made visible (see withoutControls).
 */
export function toCsv(view: PortfolioView): string {
  const rows = view.items.map((item) => [
    titleOf(item).slice(0, 250),
    descriptionOf(item),
    labelsOf(item),
    round(item.score.principal),
    priorityOf(item),
    item.owner ?? '',
    item.status,
    item.sprint === undefined ? '' : String(item.sprint),
    round(item.score.interest),
    formatPayback(item.score.payback, view.sprintLengthDays),
    `${item.file}:${item.line}`,
    item.id,
  ]);
  return withoutControls(stringify([[...CSV_COLUMNS], ...rows], { escape_formulas: true, quoted_match: /[\r\n]/, record_delimiter: 'windows' }));
}
