import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, uriOf } from './helpers';

const preset = { tag: 'DEBT', meta: { owner: 'carol', effort: '2h', impact: 'medium' }, text: 'split this' };

async function tagNewFile(file: string, content: string): Promise<string> {
  const uri = uriOf(file);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content));
  const editor = await vscode.window.showTextDocument(uri);
  editor.selection = new vscode.Selection(1, 0, 1, 0);
  assert.equal(await vscode.commands.executeCommand('debtPortfolio.tagAsDebt', preset), true);
  return editor.document.lineAt(1).text;
}

describe('tagging', () => {
  const cases: Array<[string, string, string]> = [
    ['tag/a.ts', 'const a = 1;\n  const b = 2;\n', '  // DEBT(owner: carol, effort: 2h, impact: medium): split this'],
    ['tag/a.py', 'a = 1\nb = 2\n', '# DEBT(owner: carol, effort: 2h, impact: medium): split this'],
    ['tag/a.sql', 'SELECT 1;\nSELECT 2;\n', '-- DEBT(owner: carol, effort: 2h, impact: medium): split this'],
    ['tag/a.html', '<p>\n<b>x</b>\n', '<!-- DEBT(owner: carol, effort: 2h, impact: medium): split this -->'],
  ];
  for (const [file, content, expected] of cases) {
    it(`Tag as Debt writes a ${file.split('.').pop()} comment above the selection`, async () => {
      await api();
      assert.equal(await tagNewFile(file, content), expected);
    });
  }

  it('completes META keys and values inside DEBT(...)', async () => {
    const uri = uriOf('tag/complete.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('// DEBT(impact: \n'));
    await vscode.workspace.openTextDocument(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 16));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const value of ['low', 'medium', 'high', 'critical']) assert.ok(labels.includes(value), value);
    const effortUri = uriOf('tag/effort.ts');
    await vscode.workspace.fs.writeFile(effortUri, Buffer.from('// DEBT(effort: \n'));
    await vscode.workspace.openTextDocument(effortUri);
    const efforts = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', effortUri, new vscode.Position(0, 16));
    const bySort = [...efforts.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(bySort.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).slice(0, 5), ['30m', '2h', '4h', '1d', '2d'], 'sorted by size, not as text');
  });

  it('offers a quick fix that turns a TODO into a tracked DEBT item', async () => {
    const uri = uriOf('tag/fix.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('run(); // TODO: flaky retry\n'));
    await vscode.workspace.openTextDocument(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0));
    const action = actions.find((a) => a.title.startsWith('Track this TODO as a DEBT item'));
    assert.ok(action?.command);
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), { effort: '4h' });
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.lineAt(0).text, 'run(); // DEBT(effort: 4h): flaky retry');
  });
});
