import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toBrief } from '../../../src/core/export/brief';
import { briefModelOf, buildBriefRepository } from '../../helpers/briefRepo';
import { itExitsWithUsageErrors, runCli } from '../../helpers/cli';
import { makeTempDir, removeDir } from '../../helpers/tempDir';

describe('debt-portfolio brief (CLI)', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    root = makeTempDir();
    chmodSync(root, 0o755);
    buildBriefRepository(root);
  });
  after(() => removeDir(root));

  it("prints the Markdown brief of the dashboard's model by default", async () => {
    const run = runCli(['brief', root, '--no-backtest']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, toBrief(await briefModelOf(root, { backtest: false }), 'md'));
    assert.ok(run.stdout.includes('Not run: the back-test was left out (--no-backtest).'));
  });

  it('writes the HTML page to --out, or to stdout without it', () => {
    const out = path.join(root, 'brief.html');
    const written = runCli(['brief', root, '--no-backtest', '--format', 'html', '--out', out]);
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, '');
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!doctype html>/);
    const printed = runCli(['brief', root, '--no-backtest', '--no-cache', '--format', 'html']);
    assert.equal(printed.stdout.replace(/\d{4}-\d{2}-\d{2} · /, ''), page.replace(/\d{4}-\d{2}-\d{2} · /, ''));
  });

  it('says why delivery and the back-test are missing with --no-git', () => {
    const run = runCli(['brief', root, '--no-git']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes('## Delivery\n\nNot in this brief: git history is off: git is not used here (--no-git'), run.stdout);
    assert.ok(run.stdout.includes('## Evidence for the ranking (back-test)\n\nNot run: git history is off'));
  });

  it('is listed in the main help, with its own usage', () => {
    assert.match(runCli(['--help']).stdout, /^ {2}brief +one page for stakeholders/m);
    assert.match(runCli(['brief', '--help']).stdout, /^debt-portfolio brief \[dir\] \[options\][\s\S]*--format md\|html/);
  });

  itExitsWithUsageErrors(
    [
      ['a format it does not write', ['brief', '.', '--format', 'pdf'], /^debt-portfolio brief: --format must be one of md, html, not "pdf"\n$/],
      ['two folders', ['brief', 'a', 'b'], /^debt-portfolio brief: expected one folder, got 2\n$/],
      ['an --out in a missing folder', ['brief', '.', '--no-git', '--out', 'missing/brief.md'], /missing\/brief\.md.*is in a folder that does not exist/],
    ],
    () => root,
  );
});
