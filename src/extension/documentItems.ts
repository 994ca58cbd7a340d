import * as vscode from 'vscode';
import { severityOf, type PortfolioItem, type PortfolioView, type Severity } from '../core/portfolio/view';
import { relativePath, type PortfolioService } from './portfolioService';

/** Where an item is marked, hovered and diagnosed: an annotation's lines, a hotspot's head line (not its whole body). */
export function markRangeOf(item: PortfolioItem, lineCount = Number.MAX_SAFE_INTEGER): vscode.Range {
  const last = item.kind === 'hotspot' ? item.line : Math.max(item.endLine, item.line);
  return new vscode.Range(item.line - 1, item.column - 1, Math.min(last, lineCount) - 1, Number.MAX_SAFE_INTEGER);
}

/**
 * Where a diagnostic's squiggle goes: an annotation's tag, a hotspot's function name when its line's text is at hand,
 * else a hotspot's first character (VS Code widens that to the word there), never a whole signature.
 */
export function squiggleRangeOf(item: PortfolioItem, lineText?: string): vscode.Range {
  const line = item.line - 1;
  const start = item.column - 1;
  if (item.kind === 'annotation') return new vscode.Range(line, start, line, start + item.tag.length);
  if (item.kind === 'file') return new vscode.Range(line, 0, line, 0);
  const name = item.name.split('.').pop() ?? '';
  const at = lineText && /^[\w$]+$/.test(name) ? lineText.indexOf(name, start) : -1;
  return at >= 0 ? new vscode.Range(line, at, line, at + name.length) : new vscode.Range(line, start, line, start);
}

/** The items the portfolio holds for a document, with the range each is marked on and its severity in the portfolio. */
export function itemsInDocument(service: PortfolioService, document: vscode.TextDocument): Array<{ item: PortfolioItem; range: vscode.Range; view: PortfolioView; severity: Severity }> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return [];
  const relative = relativePath(folder, document.uri);
  const portfolio = service.portfolios().find((p) => p.folder.uri.toString() === folder.uri.toString());
  if (!portfolio) return [];
  return portfolio.view.items
    .filter((item) => item.file === relative && item.line <= document.lineCount)
    .map((item) => ({ item, range: markRangeOf(item, document.lineCount), view: portfolio.view, severity: severityOf(item.score.interest, portfolio.view.totals.severity) }));
}
