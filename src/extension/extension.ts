import * as vscode from 'vscode';
import { scan } from '../core/scan';

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Tech Debt', { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(
    vscode.commands.registerCommand('debtPortfolio.scanWorkspace', async () => {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (folders.length === 0) {
        void vscode.window.showInformationMessage('Tech Debt: open a folder to scan it.');
        return 0;
      }
      let total = 0;
      for (const folder of folders) {
        const result = await scan(folder.uri.fsPath, { noGit: !vscode.workspace.isTrusted });
        log.info(`${folder.name}: ${result.items.length} debt items in ${result.stats.filesScanned} files (${result.stats.durationMs} ms)`);
        for (const w of result.warnings) log.warn(`${w.file}${w.line ? `:${w.line}` : ''}: ${w.message}`);
        total += result.items.length;
      }
      return total;
    }),
  );
}

export function deactivate(): void {}
