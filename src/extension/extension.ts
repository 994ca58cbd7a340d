import * as vscode from 'vscode';
import { registerDashboard } from './dashboard';
import { registerEditorInsights } from './editorInsights';
import { registerItemCommands } from './itemCommands';
import { registerLiveUpdates } from './liveUpdates';
import { createPortfolioService, type PortfolioService } from './portfolioService';
import { createSessionClient, workerMemoryMb, type SessionClient } from './sessionClient';
import { registerStatusBar } from './statusBar';
import { registerTagging } from './tagging';
import { registerTree, type DebtTreeProvider } from './tree';
import { useZodWithoutEval } from './hostZod';

/** When the bundle began to evaluate (set by its first line, see esbuild.config.mjs) and when this module ran. */
const bundleEvaluatedMs = performance.now() - ((globalThis as { __debtPortfolioBundleStart?: number }).__debtPortfolioBundleStart ?? performance.now());

/** What activate returns: the service, for integration tests and other extensions. */
export interface DebtPortfolioApi {
  service: PortfolioService;
  tree: DebtTreeProvider;
  /** Error messages shown to the user since activation (at most one: later ones go to the log). */
  errorsShown: readonly string[];
  /** The status bar item (its text is the label users see). */
  statusBar: vscode.StatusBarItem;
  /** The session worker's client (tests and benchmarks drive it directly). */
  sessions: SessionClient;
  /** The worker's scan cache: lookups it answered since activation, and its file in workspace storage. */
  scanCache: { readonly hits: number; readonly file: vscode.Uri | undefined };
  /** The first full scan; resolves when it is done. */
  ready: Promise<void>;
  /** Milliseconds activate() took, and evaluating the bundle took before it. */
  activationMs: { activate: number; bundleEvaluation: number };
}

export function activate(context: vscode.ExtensionContext): DebtPortfolioApi {
  const started = performance.now();
  useZodWithoutEval();
  const log = vscode.window.createOutputChannel('Tech Debt', { log: true });
  const client = createSessionClient(context.extensionPath, { cacheDir: context.storageUri?.fsPath }, log);
  const service = createPortfolioService(log, client);
  const scanCache = {
    get hits() {
      return client.cache.hits;
    },
    get file() {
      return client.cache.file === undefined ? undefined : vscode.Uri.file(client.cache.file);
    },
  };
  context.subscriptions.push(log, client, service);
  const tree = registerTree(context, service);
  registerEditorInsights(context, service);
  registerTagging(context, service);
  registerItemCommands(context, service);
  const statusBar = registerStatusBar(context, service);
  registerDashboard(context, service, log);
  registerLiveUpdates(context, service);

  const errorsShown: string[] = [];
  const scanAll = async (): Promise<number> => {
    try {
      await service.rescanAll();
    } catch (error) {
      log.error(`scan failed: ${(error as Error).stack ?? String(error)}`);
      if (errorsShown.length === 0) {
        errorsShown.push(`Tech Debt: the scan failed: ${(error as Error).message}`);
        void vscode.window.showErrorMessage(errorsShown[0]!, 'Open Log').then((choice) => choice && log.show());
      }
    }
    await vscode.commands.executeCommand('setContext', 'debtPortfolio.scanned', true);
    return service.portfolios().reduce((sum, p) => sum + p.view.items.length, 0);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('debtPortfolio.scanWorkspace', scanAll),
    vscode.commands.registerCommand('debtPortfolio.openLog', () => log.show()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void scanAll()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void scanAll()),
    client.onRestart(() => void scanAll()),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('debtPortfolio.workerMemoryMb') && client.restart(`debtPortfolio.workerMemoryMb is now ${workerMemoryMb()} MB`)),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('debtPortfolio.customTags') && void scanAll()),
  );
  const ready = new Promise<void>((resolve) => setTimeout(() => void scanAll().then(() => resolve()), 0));
  const activationMs = { activate: performance.now() - started, bundleEvaluation: bundleEvaluatedMs };
  log.debug(`activated in ${Math.round(activationMs.activate)} ms`);
  return { service, tree, sessions: client, scanCache, errorsShown, statusBar, ready, activationMs };
}

export function deactivate(): void {}
