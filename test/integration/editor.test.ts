import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { severityOf } from '../../src/core/portfolio/view';
import { api, eventually, uriOf } from './helpers';

/** The hovers at a position as plain text (markdown escapes and non-breaking spaces undone). */
async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value)))
    .join('\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\(.)/g, '$1');
}

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
    for (const line of [1, 5]) {
      const actions = lenses.filter((l) => l.range.start.line === line && !l.command?.title.includes('h/sprint')).map((l) => [l.command?.title, l.command?.command]);
      assert.deepEqual(actions, [['Plan this sprint', 'debtPortfolio.planThisSprint'], ['Snooze', 'debtPortfolio.snooze'], ['Open in dashboard', 'debtPortfolio.showInDashboard']]);
    }
  });

  it('hovers with one line of what the item costs, then the terms a reader needs', async () => {
    const text = await hoverText(uriOf('src/orders.ts'), new vscode.Position(5, 10));
    assert.match(text.split('\n')[0]!, /^\*\*[\d.<> ]+ h\/sprint · payback ([\d.]+ sprints?|never|> 2 years) · \d+% of the file's cost\*\*$/);
    assert.match(text, /to fix: effort 1d × 8 h = 8 h/);
    assert.doesNotMatch(text, /complexityPenalty|changes\/sprint = /);
    assert.match(text, /impact high: [\d.]+ h\/sprint, stated by the team, not measured/);
    assert.match(text, /· severity (high|medium|low|none)/);
    assert.match(text, /\[Plan this sprint\]\(command:debtPortfolio\.planThisSprint\?.*\[Snooze\]\(command:debtPortfolio\.snooze\?.*\[Open in dashboard\]\(command:debtPortfolio\.showInDashboard\?/);
  });

  it('finds the tag of each debt comment to highlight, in the colour of the user\'s own tag when it has one', async () => {
    const { tagRanges } = await import('../../src/extension/editorInsights');
    const { itemsInDocument } = await import('../../src/extension/documentItems');
    const exports = await api();
    const document = await vscode.workspace.openTextDocument(uriOf('src/orders.ts'));
    const ranges = tagRanges(itemsInDocument(exports.service, document), document, new Map([['FIXME', '#ff00ff']]));
    assert.deepEqual([...ranges.get(undefined)!].map((r) => document.getText(r)), ['TODO']);
    assert.deepEqual([...ranges.get('#ff00ff')!].map((r) => document.getText(r)), ['FIXME']);
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
      const document = await vscode.workspace.openTextDocument(uriOf('src/orders.ts'));
      assert.deepEqual(diagnostics.map((d) => [d.code, document.getText(d.range)]).sort(), [['FIXME', 'FIXME'], ['TODO', 'TODO']]);
      const { view } = (await api()).service.portfolios()[0]!;
      const level = { high: vscode.DiagnosticSeverity.Warning, medium: vscode.DiagnosticSeverity.Information, low: vscode.DiagnosticSeverity.Hint, none: vscode.DiagnosticSeverity.Hint };
      const expected = (tag: string) => level[severityOf(view.items.find((i) => i.kind === 'annotation' && i.tag === tag)!.score.interest, view.totals.severity)];
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]).sort(), [['FIXME', expected('FIXME')], ['TODO', expected('TODO')]]);
      const all = view.items.map((i) => level[severityOf(i.score.interest, view.totals.severity)]);
      assert.ok(all.includes(vscode.DiagnosticSeverity.Warning) && new Set(all).size > 1, 'levels tell the portfolio\'s items apart');
    } finally {
      await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('diagnostics.minInterest', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await eventually(() => vscode.languages.getDiagnostics(uriOf('src/orders.ts')).filter((d) => d.source === 'Tech Debt').length === 0, 'diagnostics cleared');
  });

  it('shows a CodeLens and a hover above a hotspot function, and charges an annotation in it by its complexity', async () => {
    const exports = await api();
    const uri = uriOf('src/hot.ts');
    const branches = Array.from({ length: 16 }, (_, k) => `  if (code === ${k}) return 'case ${k}';`).join('\n');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`export function classify(code: number): string {\n  // TODO: a table would do\n${branches}\n  return 'other';\n}\n`));
    try {
      await vscode.workspace.openTextDocument(uri);
      const lens = await eventually(async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return found.find((l) => l.command?.title.startsWith('Hotspot:'));
      }, 'a hotspot CodeLens', 20_000);
      assert.match(lens.command!.title, /^Hotspot: cognitive 16, cyclomatic 17 · [\d.]+ h\/sprint · /);
      assert.equal(lens.range.start.line, 0);
      assert.match(await hoverText(uri, new vscode.Position(0, 20)), /cognitive 16 · cyclomatic 17 · nesting 1 · 19 lines · 1 params/);
      const todo = exports.service.portfolios().flatMap((p) => p.view.items).find((i) => i.file === 'src/hot.ts' && i.kind === 'annotation')!;
      assert.match(todo.score.terms.find((t) => t.name === 'share')!.formula, /classify: cognitive 16 of the file's 16/);
      const config = vscode.workspace.getConfiguration('debtPortfolio');
      await config.update('diagnostics.minInterest', 0, vscode.ConfigurationTarget.Workspace);
      await config.update('diagnostics.enabled', true, vscode.ConfigurationTarget.Workspace);
      try {
        const squiggle = await eventually(() => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Tech Debt' && d.code === 'hotspot'), 'a hotspot diagnostic');
        assert.equal((await vscode.workspace.openTextDocument(uri)).getText(squiggle.range), 'classify');
      } finally {
        await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
        await config.update('diagnostics.minInterest', undefined, vscode.ConfigurationTarget.Workspace);
      }
    } finally {
      await vscode.workspace.fs.delete(uri);
      await eventually(() => !exports.service.portfolios().some((p) => p.view.items.some((i) => i.file === 'src/hot.ts')), 'the hotspot gone', 20_000);
    }
  });
});
