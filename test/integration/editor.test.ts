import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, uriOf } from './helpers';

describe('in the editor', () => {
  before(async () => {
    await api();
    await vscode.workspace.openTextDocument(uriOf('src/orders.ts'));
  });

  it('shows a CodeLens with interest and payback above each debt comment', async () => {
    const lenses = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uriOf('src/orders.ts'));
      return found.filter((lens) => lens.command?.title.includes('h/sprint')).length === 2 && found;
    }, 'two CodeLenses');
    assert.deepEqual(lenses.filter((l) => l.command?.title.includes('h/sprint')).map((l) => l.range.start.line).sort(), [1, 5]);
  });

  it('hovers with the full breakdown', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uriOf('src/orders.ts'), new vscode.Position(5, 10));
    const text = hovers
      .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)))
      .join('\n')
      .replace(/&nbsp;/g, ' ')
      .replace(/\\(.)/g, '$1');
    assert.match(text, /Tech Debt/);
    assert.match(text, /effort 1d × 8 h = 8 h/);
    assert.match(text, /× 1\.5 \(impact high\)/);
  });

  it('reports items over the threshold as diagnostics when the setting is on', async () => {
    const config = vscode.workspace.getConfiguration('debtPortfolio');
    await config.update('diagnostics.minInterest', 0, vscode.ConfigurationTarget.Workspace);
    await config.update('diagnostics.enabled', true, vscode.ConfigurationTarget.Workspace);
    try {
      const diagnostics = await eventually(() => {
        const list = vscode.languages.getDiagnostics(uriOf('src/orders.ts')).filter((d) => d.source === 'Tech Debt');
        return list.length === 2 && list;
      }, 'two diagnostics');
      assert.match(diagnostics[0]!.message, /h\/sprint/);
    } finally {
      await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('diagnostics.minInterest', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually(() => vscode.languages.getDiagnostics(uriOf('src/orders.ts')).filter((d) => d.source === 'Tech Debt').length === 0, 'diagnostics cleared');
  });
});
