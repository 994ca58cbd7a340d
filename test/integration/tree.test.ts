import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, eventually, folder, uriOf } from './helpers';
import { snoozedUntil } from '../../src/extension/itemCommands';

type Node = { type: string; key?: string; item?: { id: string; file: string } };

describe('Debt tree', () => {
  it('groups by file, then by tag and owner, and remembers the choice', async () => {
    const { tree } = await api();
    const labels = (nodes: Node[]) => nodes.map((n) => n.key);
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'file');
    assert.deepEqual(labels(tree.getChildren() as Node[]).sort(), ['README.md', 'scripts/deploy.py', 'src/orders.ts']);
    const orders = (tree.getChildren() as Node[]).find((node) => node.key === 'src/orders.ts');
    const shown = tree.getTreeItem(orders as never);
    assert.deepEqual([shown.label, String(shown.description).split(' · ')[0]], ['orders.ts', 'src'], 'a file group is named by its file, its folder beside it');
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'tag');
    assert.deepEqual(labels(tree.getChildren() as Node[]).sort(), ['DEBT', 'FIXME', 'HACK', 'TODO']);
    assert.equal(tree.settings.groupBy, 'tag');
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'owner');
    assert.ok(labels(tree.getChildren() as Node[]).includes('alice'));
  });

  it('filters and clears the filter', async () => {
    const { tree } = await api();
    await vscode.commands.executeCommand('debtPortfolio.filter', { tags: ['FIXME'] });
    assert.deepEqual(tree.visibleItems().map((i) => i.file), ['src/orders.ts']);
    await vscode.commands.executeCommand('debtPortfolio.clearFilter');
    assert.equal(tree.visibleItems().length, 4);
  });

  it('a click puts the cursor at the item\'s line without selecting anything; the tooltip carries the score', async () => {
    const { tree } = await api();
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'file');
    const group = (tree.getChildren() as Node[]).find((n) => n.key === 'src/orders.ts')!;
    const item = (tree.getChildren(group as never) as Array<Node & { item: { tag?: string; line: number } }>).find((node) => node.item.tag === 'FIXME')!;
    const treeItem = tree.getTreeItem(item as never);
    assert.equal(treeItem.resourceUri, undefined, "an item row would carry its file's problem and git decorations");
    assert.match(String(treeItem.description), /h\/sprint · payback /);
    assert.match((treeItem.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /effort 1d × 8 h = 8 h/);
    await vscode.commands.executeCommand(treeItem.command!.command, ...(treeItem.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.fsPath, uriOf('src/orders.ts').fsPath);
    assert.ok(editor.selection.isEmpty, 'nothing selected');
    assert.equal(editor.selection.active.line, item.item.line - 1);
    assert.ok(editor.visibleRanges.some((r) => r.contains(editor.selection.active)), 'the line is in view');
  });

  it('switches between annotations, hotspots and both in one click, and lists items flat', async () => {
    const { tree } = await api();
    const shown = () => tree.visibleItems().map((i) => i.kind);
    try {
      await vscode.commands.executeCommand('debtPortfolio.show.hotspots');
      await eventually(() => shown().length === 0, 'no annotations shown');
      await vscode.commands.executeCommand('debtPortfolio.show.annotations');
      await eventually(() => shown().length === 4 && shown().every((k) => k === 'annotation'), 'annotations only');
    } finally {
      await vscode.commands.executeCommand('debtPortfolio.show.all');
    }
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'none');
    const flat = tree.getChildren() as Node[];
    assert.deepEqual(flat.map((n) => n.type), ['item', 'item', 'item', 'item']);
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'tag');
    const todoGroup = (tree.getChildren() as Node[]).find((n) => n.key === 'TODO')!;
    assert.equal(tree.getTreeItem((tree.getChildren(todoGroup as never) as Node[])[0] as never).label, 'handle discounts', 'no [TODO] prefix under the TODO group');
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'file');
  });

  it('finds the user\'s own tags from the settings beside the team\'s, with their icon', async () => {
    const exports = await api();
    const uri = uriOf('src/review.ts');
    const config = vscode.workspace.getConfiguration('debtPortfolio');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('// REVIEW: is this still needed\nexport const r = 1;\n'));
    try {
      await config.update('customTags', [{ tag: 'REVIEW', icon: 'eye', color: '#c586c0' }], vscode.ConfigurationTarget.Global);
      const item = await eventually(() => exports.service.portfolios()[0]!.view.items.find((i) => i.kind === 'annotation' && i.tag === 'REVIEW'), 'the REVIEW item', 20_000);
      assert.ok(exports.service.portfolios()[0]!.view.items.some((i) => i.kind === 'annotation' && i.tag === 'FIXME'), 'the team\'s tags still found');
      await vscode.commands.executeCommand('debtPortfolio.groupBy', 'none');
      const node = (exports.tree.getChildren() as Node[]).find((n) => n.item?.id === item.id)!;
      const icon = () => exports.tree.getTreeItem(node as never).iconPath;
      const colourId = () => ((icon() as vscode.ThemeIcon).color as unknown as { id: string } | undefined)?.id;
      const dot = icon() as vscode.Uri;
      assert.ok(dot instanceof vscode.Uri && dot.fsPath.endsWith('c586c0.svg'), `a #hex colour is an icon file of its own: ${String(dot)}`);
      assert.ok(!dot.fsPath.startsWith(folder().uri.fsPath), 'the icon file is not written into the repository');
      assert.match(readFileSync(dot.fsPath, 'utf8'), /fill="#c586c0"/);
      await config.update('customTags', [{ tag: 'REVIEW', icon: 'eye', color: 'charts.red' }], vscode.ConfigurationTarget.Global);
      assert.deepEqual([(icon() as vscode.ThemeIcon).id, colourId()], ['eye', 'charts.red'], 'a theme colour tints the icon');
      await config.update('customTags', [{ tag: 'REVIEW', icon: 'eye', color: 'pinkish' }], vscode.ConfigurationTarget.Global);
      assert.match(String(colourId()), /^(debtPortfolio\.severity\.|disabledForeground)/, 'a bad colour falls back to the severity colour');
    } finally {
      await vscode.commands.executeCommand('debtPortfolio.groupBy', 'file');
      await config.update('customTags', undefined, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(uri);
      await eventually(() => !exports.service.portfolios()[0]!.view.items.some((i) => i.file === 'src/review.ts'), 'the REVIEW item gone', 20_000);
    }
  });

  it('labels the status bar item, not only its tooltip', async () => {
    const { statusBar } = await api();
    assert.match(statusBar.text, /Tech Debt [\d.]+ h\/sprint · [\d.]+\/[\d.]+ h planned/);
    assert.match((statusBar.tooltip as vscode.MarkdownString).value, /default calendar/);
  });

  it('plans an item for this sprint and writes the decision to .debt/portfolio.json', async () => {
    const exports = await api();
    const item = exports.service.portfolios()[0]!.view.items.find((i) => i.kind === 'annotation' && i.tag === 'HACK')!;
    await vscode.commands.executeCommand('debtPortfolio.planThisSprint', item.id);
    const stored = await eventually(() => {
      const data = JSON.parse(readFileSync(vscode.Uri.joinPath(folder().uri, '.debt', 'portfolio.json').fsPath, 'utf8'));
      return data.items[item.id]?.status === 'planned' && data.items[item.id];
    }, 'the decision in the store');
    assert.equal(stored.sprint, exports.service.portfolios()[0]!.view.plan.current.sprint);
    assert.equal(exports.service.find(item.id)?.item.status, 'planned');
    await vscode.commands.executeCommand('debtPortfolio.unplan', item.id);
    assert.equal(exports.service.find(item.id)?.item.status, 'open');
  });

  it('snoozes an item: the store holds snoozedUntil, the tree says so, the plan no longer holds it; unsnooze brings it back', async () => {
    const exports = await api();
    const view = () => exports.service.portfolios()[0]!.view;
    const chosen = view().plan.roadmap[0]!.items.find((i) => i.reason === 'chosen');
    assert.ok(chosen, 'the next sprint\'s plan chooses an item');
    const storeItem = () => JSON.parse(readFileSync(vscode.Uri.joinPath(folder().uri, '.debt', 'portfolio.json').fsPath, 'utf8')).items[chosen.id];
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'none');
    try {
      await vscode.commands.executeCommand('debtPortfolio.snooze', chosen.id, '1sprint');
      const until = await eventually(() => exports.service.find(chosen.id)?.item.snoozedUntil, 'the item snoozed');
      assert.ok(until > view().plan.roadmap[0]!.start, `${until} is after the next sprint starts`);
      assert.equal(storeItem().snoozedUntil, until);
      const node = (exports.tree.getChildren() as Node[]).find((n) => n.item?.id === chosen.id)!;
      const treeItem = exports.tree.getTreeItem(node as never);
      assert.match(String(treeItem.description), new RegExp(`snoozed until ${until}`));
      assert.equal(treeItem.contextValue, 'item-open-snoozed');
      assert.ok(!view().plan.roadmap[0]!.items.some((i) => i.id === chosen.id), 'not in the next sprint\'s plan');
      assert.equal(snoozedUntil(exports.service.find(chosen.id)!.item), until);
      await vscode.commands.executeCommand('debtPortfolio.unsnooze', chosen.id);
      await eventually(() => exports.service.find(chosen.id)?.item.snoozedUntil === undefined, 'the item awake');
      assert.equal(storeItem().snoozedUntil, undefined);
      assert.ok(view().plan.roadmap[0]!.items.some((i) => i.id === chosen.id), 'back in the plan');
    } finally {
      await vscode.commands.executeCommand('debtPortfolio.unsnooze', chosen.id);
      await vscode.commands.executeCommand('debtPortfolio.groupBy', 'file');
    }
  });
});
