import * as vscode from 'vscode';
import type { HotspotItem } from '../core/model';
import { isOpen, leadLine, ownerText, readerTerms, severityOf, titleOf, type PortfolioItem, type PortfolioView } from '../core/portfolio/view';
import { snoozedUntil } from './itemCommands';

const metricsLine = ({ metrics }: HotspotItem): string =>
  `cognitive ${metrics.cognitive} · cyclomatic ${metrics.cyclomatic} · nesting ${metrics.nesting} · ${metrics.loc} lines · ${metrics.params} params`;

const ACTION_COMMANDS = ['debtPortfolio.planThisSprint', 'debtPortfolio.unplan', 'debtPortfolio.snooze', 'debtPortfolio.unsnooze', 'debtPortfolio.showInDashboard'];
const link = (title: string, command: string, id: string): string => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify([id]))})`;

/** What can be done about an open item, as command links: plan (or unplan), snooze (or wake), open in the dashboard. */
function actionsLine(item: PortfolioItem): string {
  const snoozed = snoozedUntil(item);
  return [
    item.status === 'planned' ? link('Unplan', 'debtPortfolio.unplan', item.id) : link('Plan this sprint', 'debtPortfolio.planThisSprint', item.id),
    snoozed ? `${link('Unsnooze', 'debtPortfolio.unsnooze', item.id)} (snoozed until ${snoozed})` : link('Snooze', 'debtPortfolio.snooze', item.id),
    link('Open in dashboard', 'debtPortfolio.showInDashboard', item.id),
  ].join(' · ');
}

/** The hover and tree tooltip: one line of what the item costs, then what it is, whose, and where the cost comes from; then actions. */
export function breakdown(item: PortfolioItem, view: PortfolioView): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.isTrusted = { enabledCommands: ACTION_COMMANDS };
  md.appendMarkdown(`**${leadLine(item, view)}**\n\n`);
  md.appendText(`${titleOf(item)}\n`);
  const severity = severityOf(item.score.interest, view.totals.severity);
  md.appendMarkdown(`\n*${ownerText(item)} · ${item.status} · severity ${severity}${item.kind === 'hotspot' ? ` · ${metricsLine(item)}` : ''}*\n\n`);
  for (const line of readerTerms(item)) md.appendText(`• ${line}\n`);
  if (item.age) md.appendText(`\nAdded ${item.age.introduced.slice(0, 10)} by ${item.age.author} (${item.age.commit.slice(0, 8)})\n`);
  if (isOpen(item)) md.appendMarkdown(`\n${actionsLine(item)}\n`);
  return md;
}
