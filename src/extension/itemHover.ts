import * as vscode from 'vscode';
import type { HotspotItem } from '../core/model';
import { leadLine, ownerText, readerTerms, titleOf, type PortfolioItem, type PortfolioView } from '../core/portfolio/view';

const metricsLine = ({ metrics }: HotspotItem): string =>
  `cognitive ${metrics.cognitive} · cyclomatic ${metrics.cyclomatic} · nesting ${metrics.nesting} · ${metrics.loc} lines · ${metrics.params} params`;

/** The hover and tree tooltip: one line of what the item costs, then what it is, whose, and where the cost comes from. */
export function breakdown(item: PortfolioItem, view: PortfolioView): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${leadLine(item, view)}**\n\n`);
  md.appendText(`${titleOf(item)}\n`);
  md.appendMarkdown(`\n*${ownerText(item)} · ${item.status}${item.kind === 'hotspot' ? ` · ${metricsLine(item)}` : ''}*\n\n`);
  for (const line of readerTerms(item)) md.appendText(`• ${line}\n`);
  if (item.age) md.appendText(`\nAdded ${item.age.introduced.slice(0, 10)} by ${item.age.author} (${item.age.commit.slice(0, 8)})\n`);
  return md;
}
