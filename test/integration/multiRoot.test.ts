import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, eventually } from './helpers';

describe('multi-root workspace', () => {
  it('builds one portfolio per folder and groups the tree by folder', async () => {
    const { service, tree } = await api();
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    assert.deepEqual(service.portfolios().map((p) => p.view.items.length), [4, 4]);
    const roots = tree.getChildren() as Array<{ type: string; portfolio?: { folder: vscode.WorkspaceFolder } }>;
    assert.deepEqual(roots.map((node) => [node.type, node.portfolio?.folder.name]), [['folder', 'workspace'], ['folder', 'second']]);
    assert.equal(tree.getChildren(roots[1] as never).length, 3);
  });

  it('keeps each folder\'s decisions in its own .debt/portfolio.json', async () => {
    const { service } = await api();
    const second = service.portfolios()[1]!;
    const item = second.view.items.find((i) => i.kind === 'annotation' && i.tag === 'HACK')!;
    // ids hash path, tag and text, so both copies share them: the tree node names its folder
    assert.equal(service.portfolios()[0]!.view.items.some((i) => i.id === item.id), true);
    await vscode.commands.executeCommand('debtPortfolio.planThisSprint', { item, portfolio: second });
    const storeOf = (folder: vscode.WorkspaceFolder) => path.join(folder.uri.fsPath, '.debt', 'portfolio.json');
    await eventually(() => existsSync(storeOf(second.folder)) && JSON.parse(readFileSync(storeOf(second.folder), 'utf8')).items[item.id]?.status === 'planned', 'the decision in the second folder');
    const first = service.portfolios()[0]!;
    const firstStore = existsSync(storeOf(first.folder)) ? JSON.parse(readFileSync(storeOf(first.folder), 'utf8')) : { items: {} };
    assert.notEqual(firstStore.items[item.id]?.status, 'planned');
  });
});
