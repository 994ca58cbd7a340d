import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { itExitsWithUsageErrors, runCli } from '../../helpers/cli';
import { git, initRepo, makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';

const STORE = '.debt/portfolio.json';

describe('CLI outputs, store rule and messages (issue 15)', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
    chmodSync(root, 0o755);
    writeFiles(root, { 'a.py': '# TODO(alice, effort=3h): one\n', 'b.js': '// HACK: two\n' });
  });
  afterEach(() => removeDir(root));

  /** The error is one line (notices may come before it), with no stack trace. */
  const oneLine = (stderr: string, pattern: RegExp): void => {
    const lines = stderr.trimEnd().split('\n');
    assert.ok(lines.every((line) => line.startsWith('debt-portfolio')), stderr);
    assert.match(lines.at(-1)!, pattern);
  };

  it('names the path and the problem in one line, exit 2, when an output cannot be written, for every command', () => {
    initRepo(root);
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'base']);
    const folder = path.join(root, 'folder');
    mkdirSync(folder);
    const cases: Array<[string[], string, RegExp]> = [
      [['scan', root, '--out'], folder, /is a folder/],
      [['scan', root, '--write'], '/dev/full', /could not be written: no space left on the device/],
      [['scan', root, '--report'], folder, /is a folder/],
      [['plan', root, '--out'], '/dev/full', /could not be written: no space left on the device/],
      [['export', root, '--format', 'csv', '--out'], folder, /is a folder/],
      [['report', root, '--out'], '/dev/full', /could not be written: no space left on the device/],
      [['trend', root, '--sprints', '1', '--out'], folder, /is a folder/],
      [['metrics', root, '--out'], path.join(root, 'missing', 'x.json'), /is in a folder that does not exist/],
    ];
    for (const [args, target, problem] of cases) {
      const run = runCli([...args, target], { cwd: root });
      assert.equal(run.code, 2, `${args[0]}: ${run.stderr}`);
      oneLine(run.stderr, new RegExp(`^debt-portfolio ${args[0]}: cannot write ${target.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: it ${problem.source}`));
    }
  });

  it('never writes report\'s default output through a committed symbolic link', () => {
    const victim = path.join(makeTempDir('debt-victim-'), '.bashrc');
    writeFiles(path.dirname(victim), { '.bashrc': 'export PATH\n' });
    symlinkSync(victim, path.join(root, 'debt-portfolio.html'));
    try {
      const run = runCli(['report', '--no-git'], { cwd: root });
      assert.equal(run.code, 2);
      oneLine(run.stderr, /cannot write debt-portfolio\.html: it is a symbolic link; outputs are never written through a link/);
      assert.equal(readFileSync(victim, 'utf8'), 'export PATH\n');
    } finally {
      removeDir(path.dirname(victim));
    }
  });

  itExitsWithUsageErrors(
    [
      ['a note over 10,000 characters', ['status', 'abcdef12', '--note', 'n'.repeat(10_001)], /^debt-portfolio status: --note: .*10000/],
      ['an owner over 200 characters', ['status', 'abcdef12', '--owner', 'o'.repeat(201)], /^debt-portfolio status: --owner: .*200/],
      ['a sprint beyond a safe integer', ['status', 'abcdef12', '--sprint', '99999999999999999999'], /^debt-portfolio status: --sprint: /],
    ],
    () => root,
  );

  it('shows a store it cannot use or save with a warning (exit 0), and status exits 2: one rule', () => {
    writeFiles(root, { [STORE]: '{"schemaVersion": 9, "items": {}}' });
    const newer = runCli(['plan', root, '--no-git']);
    assert.equal(newer.code, 0);
    assert.match(newer.stderr, /\.debt\/portfolio\.json: written by a newer version/);
    removeDir(path.join(root, '.debt'));
    assert.equal(runCli(['export', root, '--no-git', '--format', 'json']).code, 0, 'a store is written');
    const saved = readFileSync(path.join(root, STORE), 'utf8');
    chmodSync(path.join(root, '.debt'), 0o555);
    writeFiles(root, { 'c.py': '# FIXME: three\n' });
    const plan = runCli(['plan', root, '--no-git'], { unprivileged: true });
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stderr, /\.debt\/portfolio\.json: cannot be written \(EACCES.*; nothing is saved/);
    assert.match(plan.stdout, /^Sprint \d+/m);
    const id = JSON.parse(saved).items && Object.keys(JSON.parse(saved).items)[0];
    const status = runCli(['status', id, '--dir', root, '--set', 'accepted', '--no-git'], { unprivileged: true });
    assert.equal(status.code, 2);
    oneLine(status.stderr, /^debt-portfolio status: \.debt\/portfolio\.json: cannot be written \(EACCES/);
    assert.equal(readFileSync(path.join(root, STORE), 'utf8'), saved);
  });

  it('prints rejected config values for plan and trend too', () => {
    initRepo(root);
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'base']);
    writeFiles(root, { '.debt/config.json': '{"capacityHours": -5}' });
    for (const args of [['plan', root, '--no-git'], ['trend', root, '--sprints', '1']]) {
      const run = runCli(args);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stderr, /^debt-portfolio: \.debt\/config\.json: "capacityHours": .*; the default 240 is used$/m, args[0]);
    }
  });

  it('names a lock held by a live process in one line within seconds', () => {
    const id = JSON.parse(runCli(['export', root, '--no-git', '--format', 'json']).stdout).items[0].id as string;
    writeFiles(root, { [`${STORE}.lock`]: JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-03-01T09:00:00.000Z', token: 'held' }) });
    const started = Date.now();
    const run = runCli(['status', id, '--dir', root, '--set', 'accepted', '--no-git']);
    assert.ok(Date.now() - started < 12_000, `took ${Date.now() - started} ms`);
    assert.equal(run.code, 2);
    oneLine(run.stderr, new RegExp(`^debt-portfolio status: \\.debt/portfolio\\.json\\.lock is held by process ${process.pid} on .+ since 2026-03-01T09:00:00\\.000Z`));
    assert.ok(existsSync(path.join(root, `${STORE}.lock`)), 'a live holder\'s lock is left alone');
  });
});
