import assert from 'node:assert/strict';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { itExitsWithUsageErrors, runCli } from '../../helpers/cli';
import { makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';
import type { AnnotationItem, ScanResult } from '../../../src/core/model';
import type { ScanOutput } from '../../../src/cli/commands/scan';
import { ScriptedRepo } from '../../helpers/gitRepo';

describe('debt-portfolio scan (CLI)', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
    chmodSync(root, 0o755);
  });
  afterEach(() => removeDir(root));

  it('prints a table of the items by default', () => {
    writeFiles(root, { 'a.py': '# TODO(alice): fix it\n' });
    const run = runCli(['scan', root, '--no-git']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /a\.py:1:3\s+TODO\s+alice\s+0\s+2\s+never\s+fix it/);
    assert.match(run.stdout, /1 items in 1 files/);
  });

  it('prints the versioned JSON contract, and writes it with --out and --write', () => {
    writeFiles(root, { 'a.py': '# FIXME(impact=high): x\n' });
    const run = runCli(['scan', root, '--no-git', '--format', 'json']);
    const result = JSON.parse(run.stdout) as Omit<ScanResult, 'items'> & { items: AnnotationItem[] };
    assert.equal(result.version, 1);
    assert.equal(result.root, root);
    assert.deepEqual(
      result.items.map(({ tag, text, meta, file, line, column, endLine, language }) => ({ tag, text, meta, file, line, column, endLine, language })),
      [{ tag: 'FIXME', text: 'x', meta: { impact: 'high' }, file: 'a.py', line: 1, column: 3, endLine: 1, language: 'python' }],
    );
    const out = path.join(root, 'out.json');
    const written = path.join(root, 'written.json');
    assert.equal(runCli(['scan', root, '--no-git', '--format', 'json', '--out', out, '--write', written]).code, 0);
    assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')).items, result.items);
    assert.deepEqual(JSON.parse(readFileSync(written, 'utf8')).items, result.items);
  });

  it('takes --tags', () => {
    writeFiles(root, { 'a.js': '// NOTE: one\n// TODO: two\n' });
    const result = JSON.parse(runCli(['scan', root, '--no-git', '--format', 'json', '--tags', 'NOTE']).stdout) as Omit<ScanResult, 'items'> & { items: AnnotationItem[] };
    assert.deepEqual(result.items.map((item) => item.tag), ['NOTE']);
  });

  it('finishes with patterns that backtrack for minutes in a backtracking engine, and counts with them', () => {
    const repo = new ScriptedRepo(root);
    writeFiles(root, { '.debt/config.json': JSON.stringify({ fixPattern: '(a|a)*b', incidentPattern: '((\\w+)\\s?)+$' }) });
    repo.commit({ 'a.py': '# TODO: one\n' }, { date: '2026-01-10T00:00:00Z', message: `${'a'.repeat(30)}!` });
    repo.commit({ 'a.py': '# TODO: one\n# TODO: two\n' }, { date: '2026-01-11T00:00:00Z', message: 'aab done' });
    const run = runCli(['scan', root, '--format', 'json', '--since', '10y'], { timeoutMs: 20_000 });
    assert.equal(run.code, 0, run.stderr);
    const file = (JSON.parse(run.stdout) as ScanOutput).files['a.py']!;
    assert.deepEqual({ commits: file.commits, fixCommits: file.fixCommits, incidents: file.incidents }, { commits: 2, fixCommits: 1, incidents: ['aab done'] });
  });

  it('says where the incidents file is not JSON, without quoting it', () => {
    writeFiles(root, { 'a.py': '# TODO: x\n', '.debt/incidents.json': 'token=SECRET\n' });
    const run = runCli(['scan', root, '--no-git']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /^debt-portfolio: \.debt\/incidents\.json: not valid JSON: invalid symbol at line 1, column 1; incidents are ignored$/m);
    assert.doesNotMatch(run.stderr, /SECRET/);
  });

  itExitsWithUsageErrors(
    [
      ['a path that does not exist', ['scan', '/no/such/dir'], /no such folder/],
      ['an unknown option', ['scan', '--bogus'], /Unknown option '--bogus'/],
      ['a bad format', ['scan', '--format', 'xml'], /--format must be table or json/],
      ['bad tags', ['scan', '--tags', ',,'], /--tags must be/],
      ['two folders', ['scan', 'a', 'b'], /one folder/],
      ['an unknown command', ['scna'], /unknown command "scna"/],
    ],
    () => root,
  );

  it('has --help for every command', () => {
    const main = runCli(['--help']);
    assert.equal(main.code, 0);
    const commands = [...main.stdout.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]!);
    assert.ok(commands.includes('scan'));
    for (const command of commands) {
      const help = runCli([command, '--help']);
      assert.equal(help.code, 0, command);
      assert.match(help.stdout, new RegExp(`debt-portfolio ${command}`));
    }
  });

  it('names an unreadable file and still scans the rest', () => {
    writeFiles(root, { 'secret.js': '// TODO: hidden\n', 'open.js': '// TODO: open\n' });
    chmodSync(path.join(root, 'secret.js'), 0o000);
    const run = runCli(['scan', root, '--no-git', '--format', 'json'], { unprivileged: true, cwd: root });
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as Omit<ScanResult, 'items'> & { items: AnnotationItem[] };
    assert.deepEqual(result.skippedFiles.map(({ file, reason }) => ({ file, reason })), [{ file: 'secret.js', reason: 'unreadable' }]);
    assert.match(result.skippedFiles[0]!.why ?? '', /EACCES/);
    assert.ok(result.warnings.some((w) => w.file === 'secret.js' && /EACCES/.test(w.message)));
    assert.deepEqual(result.items.map((item) => item.file), ['open.js']);
  });
});
