import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, itemTexts, uriOf } from './helpers';

const settings = () => vscode.workspace.getConfiguration('debtPortfolio');
const readOrEmpty = async (uri: vscode.Uri): Promise<string> => Buffer.from(await vscode.workspace.fs.readFile(uri).then((bytes) => bytes, () => new Uint8Array())).toString('utf8');

/** A TypeScript file whose parse needs far more than the worker's heap: millions of array elements. */
const hugeSource = (): string => `export const grid = [\n${'  [1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0],\n'.repeat(400_000)}];\n`;

describe('a session worker that runs out of memory', () => {
  it('keeps the last good portfolio, shows one error with Open Log, writes nothing in .debt/, and comes back', async function () {
    this.timeout(300_000);
    const exports = await api();
    const good = itemTexts(exports);
    const storeBefore = await readOrEmpty(uriOf('.debt/portfolio.json'));
    await settings().update('workerMemoryMb', 256, vscode.ConfigurationTarget.Global);
    await eventually(() => itemTexts(exports).length === good.length, 'the restarted worker to scan again', 60_000);

    await vscode.workspace.fs.writeFile(uriOf('.debt/config.json'), Buffer.from(JSON.stringify({ maxFileSizeBytes: 64 * 1024 * 1024 })));
    await vscode.workspace.fs.writeFile(uriOf('src/huge.ts'), Buffer.from(hugeSource()));
    const shown = await eventually(() => exports.errorsShown.length > 0 && exports.errorsShown, 'the error to be shown', 240_000);
    assert.equal(shown.length, 1);
    assert.match(shown[0]!, /worker stopped/);
    assert.deepEqual(itemTexts(exports), good, 'the last good portfolio stays shown');
    assert.equal(await readOrEmpty(uriOf('.debt/portfolio.json')), storeBefore, 'nothing in .debt/ is written from a failed scan');

    await vscode.workspace.fs.delete(uriOf('src/huge.ts'));
    await vscode.workspace.fs.delete(uriOf('.debt/config.json'));
    await settings().update('workerMemoryMb', undefined, vscode.ConfigurationTarget.Global);
    await eventually(async () => (await vscode.commands.executeCommand<number>('debtPortfolio.scanWorkspace')) === good.length, 'a new worker to scan again', 60_000);
    assert.deepEqual(itemTexts(exports), good);
  });
});
