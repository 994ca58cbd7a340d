import path from 'node:path';
import * as vscode from 'vscode';
import type { ChangedFile } from '../core/pipeline/build';
import type { SessionState } from '../core/pipeline/session';
import type { PortfolioItem, PortfolioView } from '../core/portfolio/view';
import type { DecisionChange } from '../core/store/decide';
import type { DashboardBacktest } from '../shared/dashboard';
import type { DashboardDelivery } from '../shared/delivery';
import { customTags } from './customTags';
import type { SessionClient } from './sessionClient';
/** A workspace folder's portfolio as the extension last built it. */
export interface FolderPortfolio {
  folder: vscode.WorkspaceFolder;
  view: PortfolioView;
  /** What is off or wrong (history off, store read-only), in words for the view. */
  notices: string[];
  /** Past sprints' figures for the dashboard's trend chart (read by the worker after a full scan). */
  trend: SessionState['trend'];
}

/** The one place the extension gets portfolios from and sends decisions to. */
export interface PortfolioService {
  readonly onDidChange: vscode.Event<void>;
  portfolios(): FolderPortfolio[];
  /** The folder portfolio that holds an item, and the item; `folder` (a folder URI) picks among folders with the same item. */
  find(id: string, folder?: string): { portfolio: FolderPortfolio; item: PortfolioItem } | undefined;
  rescanAll(): Promise<void>;
  rescanDocument(document: vscode.TextDocument): Promise<void>;
  /** Rescans files changed on disk (created, renamed, changed outside an editor), or forgets deleted ones. */
  rescanFiles(uris: readonly vscode.Uri[]): Promise<void>;
  decide(id: string, change: DecisionChange, folder?: string): Promise<void>;
  /** How well the folder's ranking predicted the last quarters (the worker computes it once per HEAD commit). */
  backtest(folder: vscode.WorkspaceFolder): Promise<DashboardBacktest>;
  /** The folder's delivery figures beside its debt (the worker reads them once per HEAD commit); null with history off. */
  delivery(folder: vscode.WorkspaceFolder): Promise<DashboardDelivery | null>;
}

interface FolderEntry extends FolderPortfolio {
  generation: number;
}

/** A file's path in the scanner's form: POSIX, relative to its workspace folder. */
export const relativePath = (folder: vscode.WorkspaceFolder, uri: vscode.Uri): string => path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');

const isAbort = (error: unknown): boolean => (error as Error).name === 'AbortError';

/**
 * The extension's view of the folders' portfolios: it posts file changes and decisions to the session worker and
 * keeps the newest state of each folder (by generation), so the last good portfolio stays shown when a request fails.
 */
export function createPortfolioService(log: vscode.LogOutputChannel, client: SessionClient): PortfolioService & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const entries = new Map<string, FolderEntry>();
  let scanning: vscode.CancellationTokenSource | undefined;

  const gitAllowed = (): boolean => vscode.workspace.isTrusted;
  const folderOfRoot = (root: string) => (vscode.workspace.workspaceFolders ?? []).find((folder) => folder.uri.fsPath === root);

  function apply(root: string, state: SessionState): void {
    const folder = folderOfRoot(root);
    const key = folder?.uri.toString();
    if (!folder || !key) return;
    const current = entries.get(key);
    if (current && current.folder.uri.fsPath === root && current.generation >= state.generation) return;
    const notices = [...state.notices, ...(gitAllowed() ? [] : ['untrusted workspace: git is off'])];
    entries.set(key, { folder, view: state.view, notices, trend: state.trend, generation: state.generation });
    changed.fire();
  }

  async function scanFolder(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken): Promise<void> {
    const { tags, problems } = customTags();
    problems.forEach((problem) => log.warn(problem));
    const state = await client.request({ type: 'rescan', root: folder.uri.fsPath, git: gitAllowed(), extraTags: tags.map((t) => t.tag) }, { token });
    log.debug(`${folder.name}: ${state.view.items.length} items, ${state.filesScanned} files in ${state.durationMs} ms (worker)`);
    for (const warning of state.warnings.slice(0, 200)) log.warn(`${folder.name}/${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`);
  }

  /** Sends a folder's changed files to its session; a folder not scanned yet is left to its first scan. */
  async function replace(folder: vscode.WorkspaceFolder, files: ChangedFile[]): Promise<void> {
    if (!entries.has(folder.uri.toString()) || files.length === 0) return;
    await client.request({ type: 'replaceFiles', root: folder.uri.fsPath, changed: files }).catch((error: unknown) => {
      if (!isAbort(error)) log.error(`${folder.name}: rescanning ${files.map((f) => f.file).join(', ')} failed: ${(error as Error).message}`);
    });
  }

  /** A new worker numbers its states from 1 again. */
  const forgetGenerations = () => entries.forEach((entry) => (entry.generation = 0));
  const subscriptions = [client.onState(({ root, state }) => apply(root, state)), client.onRestart(forgetGenerations)];

  const service: PortfolioService & vscode.Disposable = {
    onDidChange: changed.event,
    portfolios: () => [...entries.values()],
    find(id, folder) {
      for (const portfolio of entries.values()) {
        if (folder && portfolio.folder.uri.toString() !== folder) continue;
        const item = portfolio.view.items.find((i) => i.id === id);
        if (item) return { portfolio, item };
      }
      return undefined;
    },
    async rescanAll() {
      scanning?.cancel();
      const source = new vscode.CancellationTokenSource();
      scanning = source;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Tech Debt: scanning', cancellable: true }, async (_progress, token) => {
        token.onCancellationRequested(() => source.cancel());
        const folders = vscode.workspace.workspaceFolders ?? [];
        for (const [key, entry] of [...entries]) {
          if (folders.some((f) => f.uri.toString() === key)) continue;
          entries.delete(key);
          client.post({ type: 'forget', root: entry.folder.uri.fsPath });
        }
        for (const folder of folders) {
          if (folder.uri.scheme !== 'file') continue;
          try {
            await scanFolder(folder, source.token);
          } catch (error) {
            if (isAbort(error)) return;
            throw error;
          }
        }
      });
      changed.fire();
    },
    async rescanDocument(document) {
      const folder = vscode.workspace.getWorkspaceFolder(document.uri);
      if (!folder || document.uri.scheme !== 'file') return;
      await replace(folder, [{ file: relativePath(folder, document.uri), text: document.getText() }]);
    },
    async rescanFiles(uris) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const files = uris.filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === folder.uri.toString()).map((uri) => ({ file: relativePath(folder, uri) }));
        await replace(folder, files);
      }
    },
    async decide(id, change, folder) {
      const found = service.find(id, folder);
      if (!found) return;
      try {
        await client.request({ type: 'decide', root: found.portfolio.folder.uri.fsPath, item: id, change });
      } catch (error) {
        void vscode.window.showErrorMessage(`Tech Debt: ${(error as Error).message}`);
      }
    },
    backtest: (folder) => client.backtest(folder.uri.fsPath),
    delivery: (folder) => client.delivery(folder.uri.fsPath),
    dispose() {
      scanning?.cancel();
      subscriptions.forEach((subscription) => subscription.dispose());
      changed.dispose();
    },
  };
  return service;
}
