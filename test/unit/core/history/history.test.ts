import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../../../src/core/config';
import { readHistory } from '../../../../src/core/history/history';
import { historySettingsOf } from '../../../../src/core/pipeline/historyScorer';
import { LogParser, type LogCommit } from '../../../../src/core/history/gitLog';
import { ScriptedRepo, seconds } from '../../../helpers/gitRepo';
import { git, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const settings = historySettingsOf(defaultConfig());
const AS_OF = seconds('2026-06-30T00:00:00Z');

describe('git history', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('counts commits, recency-weighted commits, churn, authors, last change and fixes per file, following renames', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'other.py': 'x\n' }, { date: '2025-01-01T00:00:00Z' }); // outside the 180-day window
    repo.commit({ 'old.ts': 'a\nb\n' }, { date: '2026-04-01T00:00:00Z', author: 'Alice <a@x>' }); // 90 days before AS_OF: weight 0.5
    repo.commit({ 'old.ts': 'a\nb\nc\n' }, { date: '2026-06-30T00:00:00Z', author: 'Bob <b@x>', message: 'fix: crash on empty input\n\nINC-7 follow-up' }); // weight 1
    repo.rename('old.ts', 'new name ü.ts', { date: '2026-06-30T00:00:00Z', author: 'Bob <b@x>' });
    const history = await readHistory(root, settings, { asOf: AS_OF });
    assert.ok(history.available);
    const file = history.files.get('new name ü.ts')!;
    assert.deepEqual({ ...file, weightedCommits: Number(file.weightedCommits.toFixed(6)) }, {
      commits: 3,
      weightedCommits: 2.5, // 0.5 + 1 + 1 (the rename itself)
      linesChurned: 3, // 2 added, then 1 added, then a pure rename
      authors: 2,
      lastChange: '2026-06-30T00:00:00.000Z',
      fixCommits: 1,
      weightedFixCommits: 1,
      incidents: ['INC-7'],
    });
    assert.equal(history.files.has('old.ts'), false);
    assert.equal(history.files.has('other.py'), false);
    assert.equal(history.commits, 3);
  });

  it('reads names with spaces, unicode, quotes, tabs and a leading dash, and many-line messages', async () => {
    const repo = new ScriptedRepo(root);
    const names = ['with space.js', 'ünï "quoted".js', "it's.js", '-dash.js', 'tab\there.js'];
    repo.commit(Object.fromEntries(names.map((n) => [n, 'x\n'])), { date: '2026-06-01T00:00:00Z', message: 'first line\n\nsecond paragraph\nwith\x1f odd bytes and --options' });
    const history = await readHistory(root, settings, { asOf: AS_OF });
    assert.ok(history.available);
    assert.deepEqual([...history.files.keys()].sort(), [...names].sort());
  });

  const off: Array<[string, (root: string) => void, RegExp, Record<string, string>?]> = [
    ['a folder that is not a repository', () => {}, /not a git repository/],
    ['an empty repository', (r) => git(r, ['init', '-q']), /an empty repository/],
  ];
  for (const [name, setup, reason] of off) {
    it(`turns history off for ${name}, with one clear reason`, async () => {
      setup(root);
      const history = await readHistory(root, settings);
      assert.equal(history.available, false);
      assert.match((history as { reason: string }).reason, /^git history is off: /);
      assert.match((history as { reason: string }).reason, reason);
    });
  }

  it('reads a detached HEAD\'s history from HEAD, as CI checks out a pull request', async () => {
    const repo = new ScriptedRepo(root);
    const first = repo.commit({ 'a.ts': '1' }, { date: '2026-06-01T00:00:00Z' });
    repo.commit({ 'a.ts': '2', 'b.ts': '1' }, { date: '2026-06-02T00:00:00Z' });
    git(root, ['checkout', '-q', '--detach', first]);
    const history = await readHistory(root, settings, { asOf: AS_OF });
    assert.ok(history.available);
    assert.deepEqual([history.head, history.commits, [...history.files.keys()]], [first, 1, ['a.ts']]);
  });

  describe('a shallow clone', () => {
    const cloneAt = (depth: number): string => {
      const origin = path.join(root, 'origin');
      mkdirSync(origin);
      const repo = new ScriptedRepo(origin);
      repo.commit({ 'a.ts': '1' }, { date: '2026-01-01T00:00:00Z' });
      repo.commit({ 'a.ts': '2' }, { date: '2026-06-01T00:00:00Z', message: 'fix: two' });
      repo.commit({ 'a.ts': '3', 'b.ts': '1' }, { date: '2026-06-02T00:00:00Z' });
      git(root, ['clone', '-q', '--depth', String(depth), `file://${origin}`, 'shallow']);
      return path.join(root, 'shallow');
    };

    it('uses the history it holds, and says how far back it goes and that the window reaches past it', async () => {
      const history = await readHistory(cloneAt(2), settings, { asOf: AS_OF });
      assert.ok(history.available);
      assert.deepEqual([history.commits, history.files.get('a.ts')?.commits, history.files.get('a.ts')?.fixCommits], [2, 2, 1]);
      assert.equal(history.notice, 'a shallow clone: its history goes back to 2026-06-01, and the 180-day window reaches past it, so older changes are not counted (fetch more history for full figures)');
    });

    it('turns history off at depth 1, with one clear reason', async () => {
      const history = await readHistory(cloneAt(1), settings);
      assert.equal(history.available, false);
      assert.match((history as { reason: string }).reason, /^git history is off: a shallow clone of depth 1: it holds one commit and no history/);
    });
  });

  it('turns history off when git is not on PATH', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '1' }, { date: '2026-06-01T00:00:00Z' });
    const script = `require('${path.join(__dirname, '../../../../node_modules/tsx/dist/cjs/index.cjs').replace(/\\/g, '/')}');
      const { readHistory } = require('${path.join(__dirname, '../../../../src/core/history/history.ts')}');
      const { compilePattern } = require('${path.join(__dirname, '../../../../src/core/text/pattern.ts')}');
      readHistory(process.argv[1], { windowDays: 180, halfLifeDays: 90, fixPattern: compilePattern('fix', { ignoreCase: true }), incidentPattern: compilePattern('INC-\\d+') }).then((h) => console.log(JSON.stringify(h)));`;
    const empty = makeTempDir();
    try {
      const out = spawnSync(process.execPath, ['-e', script, root], { env: { ...process.env, PATH: empty }, encoding: 'utf8' });
      assert.match(out.stdout, /"available":false,"reason":"git history is off: git is not installed \(not on PATH\)"/, out.stderr);
    } finally {
      removeDir(empty);
    }
  });

  it('never runs the repository\'s own programs (core.fsmonitor, hooks)', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '1' }, { date: '2026-06-01T00:00:00Z' });
    const marker = path.join(root, 'pwned');
    writeFileSync(path.join(root, 'monitor.sh'), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 });
    git(root, ['config', 'core.fsmonitor', path.join(root, 'monitor.sh')]);
    mkdirSync(path.join(root, 'hooks'));
    git(root, ['config', 'core.hooksPath', path.join(root, 'hooks')]);
    execFileSync('git', ['status'], { cwd: root, stdio: 'ignore' });
    assert.ok(existsSync(marker), 'the fsmonitor program runs on a plain git status: the test can see it');
    removeDir(marker);
    const history = await readHistory(root, settings);
    assert.ok(history.available);
    assert.equal(existsSync(marker), false);
  });

  it('streams a 10,000-commit history (git fast-import) in bounded memory', async function () {
    this.timeout(120_000);
    git(root, ['init', '-q']);
    const lines: string[] = [];
    const start = seconds('2026-01-01T00:00:00Z');
    for (let i = 0; i < 10_000; i++) {
      const content = `line ${i}\n`;
      const message = `commit ${i}${i % 10 === 0 ? ' fix' : ''}`;
      lines.push(`commit refs/heads/main`, `committer T <t@x> ${start + i * 60} +0000`, `data ${Buffer.byteLength(message)}`, message, ...(i > 0 ? [] : []), `M 644 inline f${i % 50}.ts`, `data ${Buffer.byteLength(content)}`, content, '');
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: lines.join('\n') });
    git(root, ['checkout', '-q', 'main']);
    const script = `require('${path.join(__dirname, '../../../../node_modules/tsx/dist/cjs/index.cjs').replace(/\\/g, '/')}');
      const { readHistory } = require('${path.join(__dirname, '../../../../src/core/history/history.ts')}');
      const { compilePattern } = require('${path.join(__dirname, '../../../../src/core/text/pattern.ts')}');
      readHistory(process.argv[1], { windowDays: 3650, halfLifeDays: 90, fixPattern: compilePattern('fix', { ignoreCase: true }), incidentPattern: compilePattern('INC-\\d+') }, { asOf: ${start + 10_000 * 60} })
        .then((h) => console.log(JSON.stringify({ commits: h.commits, files: h.files.size, fixes: [...h.files.values()].reduce((s, f) => s + f.fixCommits, 0), rss: process.memoryUsage().rss })));`;
    const out = spawnSync(process.execPath, ['--max-old-space-size=48', '-e', script, root], { encoding: 'utf8' });
    assert.equal(out.status, 0, out.stderr);
    const result = JSON.parse(out.stdout) as { commits: number; files: number; fixes: number };
    assert.deepEqual({ commits: result.commits, files: result.files, fixes: result.fixes }, { commits: 10_000, files: 50, fixes: 1000 });
  });

  it('parses a rename record and a binary file', () => {
    const commits: LogCommit[] = [];
    const parser = new LogParser((commit) => commits.push(commit));
    const hash = 'a'.repeat(40);
    for (const token of [hash, '100', 'A <a@x>', 'msg\n', '', '\n1\t2\t', 'from dir/a.ts', 'to dir/b.ts', '-\t-\timage.png']) parser.push(Buffer.from(token));
    parser.end();
    assert.deepEqual(commits, [{ hash, time: 100, author: 'A <a@x>', message: 'msg', files: [{ path: 'to dir/b.ts', churn: 3, renamedFrom: 'from dir/a.ts' }, { path: 'image.png', churn: 0 }] }]);
  });

  it('ends the log at a past revision with asOfRef', async () => {
    const repo = new ScriptedRepo(root);
    const first = repo.commit({ 'a.ts': '1' }, { date: '2026-06-01T00:00:00Z' });
    repo.commit({ 'b.ts': '2' }, { date: '2026-06-10T00:00:00Z' });
    const history = await readHistory(root, settings, { asOfRef: first });
    assert.ok(history.available);
    assert.deepEqual([...history.files.keys()], ['a.ts']);
    assert.equal(history.asOf, seconds('2026-06-01T00:00:00Z'));
    assert.match(((await readHistory(root, settings, { asOfRef: '--output=/tmp/x' })) as { reason: string }).reason, /is not a commit/);
  });

  it('keeps symlinks and untracked files out of the way', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '1' }, { date: '2026-06-01T00:00:00Z' });
    symlinkSync('a.ts', path.join(root, 'link.ts'));
    writeFiles(root, { 'untracked.ts': 'x' });
    const history = await readHistory(root, settings, { asOf: AS_OF });
    assert.ok(history.available);
    assert.deepEqual([...history.files.keys()], ['a.ts']);
  });
});
