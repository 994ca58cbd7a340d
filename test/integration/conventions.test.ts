import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, uriOf } from './helpers';

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

describe('VS Code conventions', () => {
  it('checks .debt/config.json against its schema while it is edited, and completes its keys', async () => {
    await api();
    const uri = uriOf('.debt/config.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{\n  "sprintLengthDays": "two weeks",\n  \n}\n'));
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const problems = await eventually(() => {
        const found = vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === 1);
        return found.length > 0 && found;
      }, 'a schema problem on "sprintLengthDays"', 20_000);
      assert.match(problems.map((p) => p.message).join('\n'), /integer/i);
      const completions = await eventually(async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(2, 2));
        const labels = list.items.map(labelOf);
        return labels.some((label) => label.includes('capacityHours')) && labels;
      }, 'key completions from the schema', 20_000);
      assert.ok(completions.some((label) => label.includes('vendored')));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('contributes themable severity colours, a walkthrough and keybindings', async () => {
    const manifest = vscode.extensions.all.find((e) => e.packageJSON.name === 'debt-portfolio')!.packageJSON as { contributes: Record<string, Array<{ id?: string; command?: string }>> };
    assert.deepEqual(manifest.contributes.colors!.map((c) => c.id), ['debtPortfolio.severity.high', 'debtPortfolio.severity.medium', 'debtPortfolio.severity.low']);
    assert.equal(manifest.contributes.walkthroughs!.length, 1);
    const registered = await vscode.commands.getCommands(true);
    for (const binding of manifest.contributes.keybindings!) assert.ok(registered.includes(binding.command!), binding.command);
  });
});
