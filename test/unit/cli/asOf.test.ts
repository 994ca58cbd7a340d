import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ScanOutput } from '../../../src/cli/commands/scan';
import { runCli } from '../../helpers/cli';
import { ScriptedRepo } from '../../helpers/gitRepo';
import { makeTempDir, removeDir } from '../../helpers/tempDir';

describe('--as-of <rev|date>', () => {
  let root: string;
  let first: string;
  before(() => {
    root = makeTempDir();
    const repo = new ScriptedRepo(root);
    first = repo.commit({ 'a.py': '# TODO: old\nx = 1\n' }, { date: '2026-03-01T00:00:00Z' });
    repo.commit({ 'a.py': '# TODO: old\n# FIXME: added after the origin\nx = 2\n' }, { date: '2026-04-01T00:00:00Z', message: 'fix: later' });
  });
  after(() => removeDir(root));

  const scanAt = (asOf: string): ScanOutput => {
    const run = runCli(['scan', root, '--format', 'json', '--as-of', asOf]);
    assert.equal(run.code, 0, run.stderr);
    return JSON.parse(run.stdout) as ScanOutput;
  };

  for (const [name, asOf] of [['a revision', () => first], ['a date', () => '2026-03-15']] as const) {
    it(`reads the past at ${name}: an item added after it is absent, a commit after it does not count`, () => {
      const past = scanAt(asOf());
      assert.deepEqual(past.items.filter((i) => i.kind === 'annotation').map((i) => (i.kind === 'annotation' ? i.text : '')), ['old']);
      assert.deepEqual([past.files['a.py']?.commits, past.files['a.py']?.fixCommits], [1, 0]);
      assert.equal(past.health.find((h) => h.file === 'a.py')?.lines, 2);
      const now = JSON.parse(runCli(['scan', root, '--format', 'json', '--since', '2y']).stdout) as ScanOutput;
      assert.deepEqual([now.items.length, now.files['a.py']?.commits, now.files['a.py']?.fixCommits], [2, 2, 1]);
      assert.equal(existsSync(path.join(root, '.debt/portfolio.json')), false);
    });
  }

  it('is taken by plan, export and report too', () => {
    for (const args of [['plan', root, '--format', 'json'], ['export', root, '--format', 'json'], ['report', root, '--out', path.join(root, '..', `${path.basename(root)}.html`)]]) {
      const run = runCli([...args, '--as-of', first]);
      assert.equal(run.code, 0, `${args[0]}: ${run.stderr}`);
    }
    const exported = JSON.parse(runCli(['export', root, '--format', 'json', '--as-of', first]).stdout) as { items: unknown[] };
    assert.equal(exported.items.length, 1);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['a ref that is not a commit', ['--as-of', 'no-such-branch'], /^debt-portfolio scan: --as-of "no-such-branch" is not a commit in this repository\n$/],
    ['an option-like value', ['--as-of=--output=x'], /^debt-portfolio scan: --as-of "--output=x" looks like an option: give a revision or a date \(YYYY-MM-DD\)\n$/],
    ['a date before the first commit', ['--as-of', '2020-01-01'], /^debt-portfolio scan: --as-of 2020-01-01 is before the first commit \(2026-03-01\)\n$/],
  ];
  for (const [name, args, message] of bad) {
    it(`says in one line and exits 2 for ${name}`, () => {
      const run = runCli(['scan', root, ...args]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }
});
