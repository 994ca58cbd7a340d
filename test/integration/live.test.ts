import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, itemTexts, uriOf } from './helpers';

describe('live updates', () => {
  it('rescans a file as it is edited and saved', async () => {
    const exports = await api();
    const uri = uriOf('live/edit.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('export const x = 1;\n'));
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '// FIXME: typed just now\n'));
    await eventually(() => itemTexts(exports).includes('live/edit.ts:2 FIXME typed just now'), 'the edit to be scanned');
    await editor.edit((edit) => edit.replace(new vscode.Range(1, 0, 2, 0), ''));
    await editor.document.save();
    await eventually(() => !itemTexts(exports).some((t) => t.startsWith('live/edit.ts')), 'the removal to be scanned');
  });

  it('follows files created, renamed and deleted on disk', async () => {
    const exports = await api();
    const created = uriOf('live/new.py');
    await vscode.workspace.fs.writeFile(created, Buffer.from('# HACK: created on disk\n'));
    await eventually(() => itemTexts(exports).includes('live/new.py:1 HACK created on disk'), 'the new file');
    const renamed = uriOf('live/renamed.py');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(created, renamed);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await eventually(() => itemTexts(exports).includes('live/renamed.py:1 HACK created on disk') && !itemTexts(exports).some((t) => t.startsWith('live/new.py')), 'the rename');
    await vscode.workspace.fs.delete(renamed);
    await eventually(() => !itemTexts(exports).some((t) => t.startsWith('live/renamed.py')), 'the delete');
  });
});
