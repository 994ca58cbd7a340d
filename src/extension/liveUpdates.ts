import * as vscode from 'vscode';
import type { PortfolioService } from './portfolioService';

/** Milliseconds file-system events are gathered before one rescan handles them all (a checkout sends thousands). */
const WATCH_BATCH_MS = 500;

/** Rescans a file on save and, debounced, as it is edited; follows creates, deletes and renames in batches. */
export function registerLiveUpdates(context: vscode.ExtensionContext, service: PortfolioService): void {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const delay = () => vscode.workspace.getConfiguration('debtPortfolio').get<number>('rescanDelayMs', 300);
  const later = (document: vscode.TextDocument) => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        void service.rescanDocument(document);
      }, delay()),
    );
  };

  const pending = new Map<string, vscode.Uri>();
  let batch: ReturnType<typeof setTimeout> | undefined;
  const onDisk = (uri: vscode.Uri) => {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) return;
    pending.set(uri.toString(), uri);
    batch ??= setTimeout(() => {
      batch = undefined;
      const uris = [...pending.values()];
      pending.clear();
      void service.rescanFiles(uris);
    }, WATCH_BATCH_MS);
  };

  const watcher = vscode.workspace.createFileSystemWatcher('**/*');
  context.subscriptions.push(
    watcher,
    vscode.workspace.onDidSaveTextDocument((document) => {
      clearTimeout(timers.get(document.uri.toString()));
      void service.rescanDocument(document);
    }),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && later(event.document)),
    watcher.onDidCreate(onDisk),
    watcher.onDidChange(onDisk),
    watcher.onDidDelete(onDisk),
    vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => (onDisk(oldUri), onDisk(newUri)))),
    { dispose: () => [...timers.values(), batch].forEach((timer) => clearTimeout(timer)) },
  );
}
