import path from 'node:path';
import * as vscode from 'vscode';
import { tagMatcher } from '../core/annotations/grammar';
import { loadConfig } from '../core/config';
import { buildPortfolio, planSettingsOf, portfolioItems, seenItemsOf, todayUtc, viewOf, type Portfolio, type Scorer } from '../core/portfolio/build';
import type { DebtItem } from '../core/model';
import type { PortfolioItem, PortfolioView } from '../core/portfolio/view';
import { pathFilter } from '../core/files/excludes';
import { itemsOfText, scanFile, thresholdsOf } from '../core/scan';
import { applyDecision, type DecisionChange } from '../core/store/decide';
import { reconcile } from '../core/store/reconcile';
import type { PersistentScanCache } from './scanCache';

/** A workspace folder's portfolio as the extension last built it. */
export interface FolderPortfolio {
  folder: vscode.WorkspaceFolder;
  view: PortfolioView;
  /** What is off or wrong (history off, store read-only), in words for the view. */
  notices: string[];
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
}

interface FolderState extends FolderPortfolio {
  built: Portfolio;
}

/** A file's path in the scanner's form: POSIX, relative to its workspace folder. */
export const relativePath = (folder: vscode.WorkspaceFolder, uri: vscode.Uri): string => path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/');

export function createPortfolioService(log: vscode.LogOutputChannel, scorer: Scorer, cache: PersistentScanCache): PortfolioService & vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const states = new Map<string, FolderState>();
  let scanning: AbortController | undefined;

  const gitAllowed = (): boolean => vscode.workspace.isTrusted;

  async function buildFolder(folder: vscode.WorkspaceFolder, signal: AbortSignal): Promise<void> {
    const started = performance.now();
    const built = await buildPortfolio(folder.uri.fsPath, { noGit: !gitAllowed(), scorer, cache }, { signal });
    const notices = [...built.notices, ...(gitAllowed() ? [] : ['untrusted workspace: git is off'])];
    states.set(folder.uri.toString(), { folder, view: built.view, notices, built });
    log.debug(`${folder.name}: ${built.view.items.length} items, ${built.scan.stats.filesScanned} files in ${Math.round(performance.now() - started)} ms`);
    for (const warning of built.scan.warnings.slice(0, 200)) log.warn(`${folder.name}/${warning.file}${warning.line ? `:${warning.line}` : ''}: ${warning.message}`);
  }

  /** Replaces the items of some files and rebuilds the view. */
  async function replaceFilesItems(state: FolderState, replaced: ReadonlyMap<string, readonly DebtItem[]>): Promise<void> {
    const others = state.built.scan.items.filter((item) => !replaced.has(item.file));
    state.built.scan.items = [...others, ...[...replaced.values()].flat()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    await rebuildView(state, 'cached');
  }

  /**
   * Scores the folder's current items and plans them against the store as it is now (reconciled in memory;
   * a full scan records), then tells the views. A rebuild overtaken by a newer one drops its result. A live
   * rescan rebuilds without running blame (an item keeps the age it had), then again with it when files changed.
   */
  async function rebuildView(state: FolderState, blame: 'run' | 'cached' = 'run'): Promise<void> {
    const root = state.built.view.root;
    const items = state.built.scan.items;
    const { config } = await loadConfig(root);
    const { scored, agesPending } = await scorer.score(root, items, { config, git: gitAllowed(), blame });
    if (state.built.scan.items !== items) return;
    if (agesPending) {
      const previous = new Map(state.view.items.map((item) => [item.id, item.age]));
      for (const [id, entry] of scored) if (!entry.age && previous.get(id)) entry.age = previous.get(id);
      setImmediate(() => void rebuildView(state).catch((error: unknown) => log.error(`dating items failed: ${(error as Error).message}`)));
    }
    const data = structuredClone(state.built.store.data());
    reconcile(data, seenItemsOf(items), todayUtc());
    state.view = viewOf(root, portfolioItems(items, scored, data), data, planSettingsOf(config), todayUtc());
    changed.fire();
  }

  const service: PortfolioService & vscode.Disposable = {
    onDidChange: changed.event,
    portfolios: () => [...states.values()],
    find(id, folder) {
      for (const portfolio of states.values()) {
        if (folder && portfolio.folder.uri.toString() !== folder) continue;
        const item = portfolio.view.items.find((i) => i.id === id);
        if (item) return { portfolio, item };
      }
      return undefined;
    },
    async rescanAll() {
      scanning?.abort();
      const controller = new AbortController();
      scanning = controller;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Tech Debt: scanning', cancellable: true }, async (_progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        const folders = vscode.workspace.workspaceFolders ?? [];
        for (const key of [...states.keys()]) if (!folders.some((f) => f.uri.toString() === key)) states.delete(key);
        for (const folder of folders) {
          if (folder.uri.scheme !== 'file') continue;
          try {
            await buildFolder(folder, controller.signal);
          } catch (error) {
            if ((error as Error).name === 'AbortError') return;
            throw error;
          }
        }
        await cache.save();
      });
      changed.fire();
    },
    async rescanDocument(document) {
      const folder = vscode.workspace.getWorkspaceFolder(document.uri);
      const state = folder && states.get(folder.uri.toString());
      if (!folder || !state || document.uri.scheme !== 'file') return;
      const { config } = await loadConfig(folder.uri.fsPath);
      const file = relativePath(folder, document.uri);
      const found = await itemsOfText(file, document.getText(), { tags: tagMatcher(config.tags), hotspots: thresholdsOf(config) });
      if (found === undefined) return;
      await replaceFilesItems(state, new Map([[file, found.items]]));
    },
    async rescanFiles(uris) {
      for (const state of states.values()) {
        const { config } = await loadConfig(state.built.view.root);
        const filter = pathFilter(config.include, config.exclude);
        const files = uris.filter((uri) => vscode.workspace.getWorkspaceFolder(uri)?.uri.toString() === state.folder.uri.toString()).map((uri) => relativePath(state.folder, uri)).filter((file) => filter.accepts(file));
        if (files.length === 0) continue;
        const context = { tags: tagMatcher(config.tags), hotspots: thresholdsOf(config), maxBytes: config.maxFileSizeBytes, cache };
        const replaced = new Map<string, DebtItem[]>();
        for (const file of files) replaced.set(file, (await scanFile(state.built.view.root, file, context)).items);
        await replaceFilesItems(state, replaced);
      }
    },
    async decide(id, change, folder) {
      const found = service.find(id, folder);
      if (!found) return;
      const state = states.get(found.portfolio.folder.uri.toString())!;
      const store = state.built.store;
      if (store.readOnly) {
        void vscode.window.showErrorMessage(`Tech Debt: ${store.readOnly}`);
        return;
      }
      await store.update((data) => void applyDecision(data, id, change, todayUtc()));
      await rebuildView(state);
    },
    dispose() {
      scanning?.abort();
      changed.dispose();
    },
  };
  return service;
}
