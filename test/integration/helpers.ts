import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DebtPortfolioApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'debt-portfolio.debt-portfolio';

export async function api(): Promise<DebtPortfolioApi> {
  const extension = vscode.extensions.getExtension<DebtPortfolioApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const exports = await extension.activate();
  await exports.ready;
  return exports;
}

export const folder = (): vscode.WorkspaceFolder => {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'a workspace folder is open');
  return first;
};

export const uriOf = (file: string): vscode.Uri => vscode.Uri.joinPath(folder().uri, ...file.split('/'));

/** Waits until `check` holds (the service works in the background), or fails after `ms`. */
export async function eventually<T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function itemTexts(exports: DebtPortfolioApi): string[] {
  return exports.service
    .portfolios()
    .flatMap((p) => p.view.items)
    .map((item) => `${item.file}:${item.line} ${item.kind === 'annotation' ? `${item.tag} ${item.text}` : item.kind}`)
    .sort();
}
