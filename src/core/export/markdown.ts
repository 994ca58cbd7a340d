import { formatPayback, formatPercent } from '../../shared/format';
import { withoutControls } from '../text/controls';
import { round, titleOf, type PortfolioView } from '../portfolio/view';

/**
 * Makes text inert in a Markdown table cell: one line, and every character that could start a link,
 * an image, an autolink, raw HTML, an entity or emphasis escaped, so the text shows as written.
 */
export const mdCell = (text: string): string => text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]()!|<>~&]/g, '\\$&');

const REASONS = { pinned: 'pinned', planned: 'planned', chosen: 'most interest per hour' } as const;

/** The next sprint's plan, its roadmap and past adherence, ready to paste into a planning document. */
export function toMarkdown(view: PortfolioView): string {
  const { plan } = view;
  const byId = new Map(view.items.map((item) => [item.id, item]));
  const next = plan.roadmap[0];
  const lines: string[] = [];
  if (!next) return '# Debt plan\n\nNo sprints to plan (roadmapSprints is 0).\n';
  lines.push(`# Debt plan: sprint ${next.sprint} (${next.start} to ${next.end})`, '');
  lines.push(
    `Budget **${round(plan.budget)} h**; planned **${round(next.plannedHours)} h**${next.overBudget ? ' (over budget)' : ''}; interest removed **${round(next.interestRemoved)} h/sprint**.`,
    '',
  );
  if (next.items.length === 0) lines.push('Nothing to plan: no open item fits the budget.', '');
  else {
    lines.push('| # | Item | Owner | Estimate (h) | Interest (h/sprint) | Payback (sprints) | Location | Why |', '|---|---|---|---|---|---|---|---|');
    next.items.forEach((planned, i) => {
      const item = byId.get(planned.id);
      lines.push(`| ${i + 1} | ${mdCell(item ? titleOf(item) : planned.id)} | ${mdCell(item?.owner ? `${item.owner}${item.ownerFrom === 'git' ? ' (from git)' : ''}` : '')} | ${round(planned.principal)} | ${round(planned.interest)} | ${item ? formatPayback(item.score.payback, view.sprintLengthDays) : '-'} | ${item ? mdCell(`${item.file}:${item.line}`) : ''} | ${REASONS[planned.reason]} |`);
    });
    lines.push('');
  }
  lines.push('## Roadmap', '', '| Sprint | Dates | Items | Hours | Interest removed (h/sprint) |', '|---|---|---|---|---|');
  for (const sprint of plan.roadmap) lines.push(`| ${sprint.sprint} | ${sprint.start} to ${sprint.end} | ${sprint.items.length} | ${round(sprint.plannedHours)} | ${round(sprint.interestRemoved)} |`);
  if (plan.adherence.length > 0) {
    lines.push('', '## Adherence', '', '| Sprint | Retired (h) | Budget (h) | Adherence |', '|---|---|---|---|');
    for (const past of plan.adherence) lines.push(`| ${past.sprint} | ${round(past.retiredPrincipal)} | ${round(past.budget)} | ${formatPercent(past.adherence)} |`);
  }
  lines.push('', `Open debt: ${view.totals.openItems} items, ${round(view.totals.principal)} h principal, ${round(view.totals.interest)} h/sprint interest.`, '');
  return withoutControls(lines.join('\n'));
}

