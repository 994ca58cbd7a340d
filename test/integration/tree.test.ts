import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, eventually, folder } from './helpers';

type Node = { type: string; key?: string; item?: { id: string; file: string } };

describe('Debt tree', () => {
  it('groups by file, then by tag and owner, and remembers the choice', async () => {
    const { tree } = await api();
    const labels = (nodes: Node[]) => nodes.map((n) => n.key);
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'file');
    assert.deepEqual(labels(tree.getChildren() as Node[]).sort(), ['README.md', 'scripts/deploy.py', 'src/orders.ts']);
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

  it('items reveal their range and carry the score in the tooltip', async () => {
    const { tree } = await api();
    await vscode.commands.executeCommand('debtPortfolio.groupBy', 'file');
    const group = (tree.getChildren() as Node[]).find((n) => n.key === 'src/orders.ts')!;
    const item = (tree.getChildren(group as never) as Array<Node & { item: { tag?: string } }>).find((node) => node.item.tag === 'TODO')!;
    const treeItem = tree.getTreeItem(item as never);
    assert.equal(treeItem.command?.command, 'vscode.open');
    assert.equal(treeItem.resourceUri, undefined, "an item row would carry its file's problem and git decorations");
    assert.match(String(treeItem.description), /h\/sprint · /);
    assert.match((treeItem.tooltip as vscode.MarkdownString).value, /effort 2h = 2 h/);
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
});
