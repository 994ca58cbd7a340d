import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { api, EXTENSION_ID, itemTexts, uriOf } from './helpers';

describe('activation', () => {
  it('activates and registers every command the manifest contributes', async () => {
    await api();
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string }> } };
    const registered = await vscode.commands.getCommands(true);
    for (const { command } of manifest.contributes.commands) assert.ok(registered.includes(command), `${command} is registered`);
  });

  it('finds the fixture workspace\'s debt, and nothing in strings or prose', async () => {
    const exports = await api();
    assert.deepEqual(itemTexts(exports), ['README.md:3 DEBT document the deploy script', 'scripts/deploy.py:2 HACK retries are hard-coded', 'src/orders.ts:2 TODO handle discounts', 'src/orders.ts:6 FIXME rounding errors on refunds']);
  });

  it('writes nothing into the repository on open or on a scan (the store is written by the first decision)', async () => {
    await api();
    await vscode.commands.executeCommand('debtPortfolio.scanWorkspace');
    assert.equal(existsSync(uriOf('.debt/portfolio.json').fsPath), false, '.debt/portfolio.json after opening and scanning');
  });

  it('Scan Workspace returns the number of items, and does not lex unchanged files again (cache in workspace storage)', async () => {
    const { scanCache } = await api();
    const hits = scanCache.hits;
    assert.equal(await vscode.commands.executeCommand('debtPortfolio.scanWorkspace'), 4);
    assert.equal(scanCache.hits - hits, 3, 'README.md, deploy.py and orders.ts come from the cache');
    assert.ok(scanCache.file, 'the workspace has a storage folder');
    const saved = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(scanCache.file)).toString('utf8')) as { format: string; entries: Record<string, unknown> };
    assert.equal(saved.format, 'debt-portfolio scan cache');
    assert.equal(Object.keys(saved.entries).length, 3);
  });
});
