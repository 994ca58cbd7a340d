import * as vscode from 'vscode';
import type { PortfolioItem, PortfolioView } from '../core/portfolio/view';
import { relativePath, type PortfolioService } from './portfolioService';

/** Where an item is marked, hovered and diagnosed: an annotation's lines, a hotspot's head line (not its whole body). */
export function markRangeOf(item: PortfolioItem, lineCount = Number.MAX_SAFE_INTEGER): vscode.Range {
  const last = item.kind === 'hotspot' ? item.line : Math.max(item.endLine, item.line);
  return new vscode.Range(item.line - 1, item.column - 1, Math.min(last, lineCount) - 1, Number.MAX_SAFE_INTEGER);
}

/** The items the portfolio holds for a document, with the range each is marked on. */
export function itemsInDocument(service: PortfolioService, document: vscode.TextDocument): Array<{ item: PortfolioItem; range: vscode.Range; view: PortfolioView }> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return [];
  const relative = relativePath(folder, document.uri);
  const portfolio = service.portfolios().find((p) => p.folder.uri.toString() === folder.uri.toString());
  if (!portfolio) return [];
  return portfolio.view.items
    .filter((item) => item.file === relative && item.line <= document.lineCount)
    .map((item) => ({ item, range: markRangeOf(item, document.lineCount), view: portfolio.view }));
}
