import assert from 'node:assert/strict';
import { lineAges, type BlameCache, type CommittedBlame } from '../../../../src/core/history/blame';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { git, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

describe('blame of a file being edited', () => {
  let root: string;
  before(() => {
    root = makeTempDir('debt-blame-cache-');
    new ScriptedRepo(root).commit({ 'a.py': 'x = 1\n# TODO: old\n' }, { date: '2026-01-10T10:00:00Z', author: 'Bob <bob@example.com>' });
  });
  after(() => removeDir(root));

  it('runs git once per HEAD commit: a later edit is dated by the diff in process alone', async () => {
    const head = git(root, ['rev-parse', 'HEAD']).trim();
    const cache: BlameCache = new Map();
    const committed: CommittedBlame = new Map();
    writeFiles(root, { 'a.py': 'x = 1\n# TODO: old\n# TODO: first edit\n' });
    const first = await lineAges(root, 'a.py', cache, { head, committed });
    assert.equal(first !== 'not-cached' && first?.[2]?.author, 'Bob');
    writeFiles(root, { 'a.py': '# TODO: second edit\nx = 1\n# TODO: old\n' });
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      const second = await lineAges(root, 'a.py', cache, { head, committed, now: '2026-12-02T00:00:00Z' });
      assert.ok(second && second !== 'not-cached', 'dated without git on PATH');
      assert.deepEqual([second[1]?.author, second[3]?.author], ['Not Committed Yet', 'Bob']);
    } finally {
      process.env.PATH = path;
    }
  });
});
