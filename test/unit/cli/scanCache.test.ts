import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../helpers/cli';
import { makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';

const items = (stdout: string) => (JSON.parse(stdout) as { items: Array<{ id: string; file: string; line: number }> }).items.map((item) => `${item.file}:${item.line} ${item.id}`).sort();

describe('CLI scan cache', () => {
  let root: string;
  let cacheDir: string;
  beforeEach(() => {
    root = makeTempDir('debt-cache-cli-');
    cacheDir = makeTempDir('debt-cache-dir-');
    writeFiles(root, { 'a.ts': 'export function f() {\n  // TODO: typed\n}\n', 'b.py': '# FIXME(effort=1h): python\n', 'c.md': 'no tags here\n' });
  });
  afterEach(() => (removeDir(root), removeDir(cacheDir)));
  const scan = (...args: string[]) => runCli(['scan', root, '--no-git', '--format', 'json', ...args], { env: { DEBT_PORTFOLIO_CACHE_DIR: cacheDir } });

  it('keeps one cache file per folder outside it, and a run from the cache finds what a cold run found', () => {
    const cold = scan();
    assert.equal(cold.code, 0, cold.stderr);
    const files = readdirSync(cacheDir);
    assert.equal(files.length, 1);
    assert.equal(existsSync(path.join(root, '.cache')), false);
    const warm = scan();
    assert.equal(warm.code, 0, warm.stderr);
    assert.deepEqual(items(warm.stdout), items(cold.stdout));
    assert.doesNotMatch(warm.stderr, /scan cache/);
  });

  it('ignores a truncated, foreign or non-JSON cache with one warning naming it, and rebuilds it', () => {
    const cold = scan();
    const file = path.join(cacheDir, readdirSync(cacheDir)[0]!);
    const whole = readFileSync(file, 'utf8');
    for (const bad of [whole.slice(0, whole.length >> 1), whole.replace(/"version":"[^"]*"/, '"version":"0.0.1+cache1"'), 'not json at all']) {
      writeFileSync(file, bad);
      const run = scan();
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(items(run.stdout), items(cold.stdout));
      const warnings = run.stderr.trim().split('\n').filter((line) => line.includes('scan cache'));
      assert.equal(warnings.length, 1, run.stderr);
      assert.ok(warnings[0]!.includes(file) && /scan cache ignored/.test(warnings[0]!), warnings[0]);
      assert.doesNotThrow(() => JSON.parse(readFileSync(file, 'utf8')), 'the next save replaced it');
    }
  });

  it('reads and writes no cache with --no-cache', () => {
    const run = scan('--no-cache');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(cacheDir), []);
  });
});
