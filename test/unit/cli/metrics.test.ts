import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { analyzeSource } from '../../../src/core/complexity/analyze';
import type { FolderMetrics } from '../../../src/core/pipeline/measure';
import { loadTypeScript } from '../../../src/core/complexity/typescript';
import type { HotspotItem, ScanResult } from '../../../src/core/model';
import { cliPath, itExitsWithUsageErrors, runCli } from '../../helpers/cli';
import { makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';

const FIXTURES = path.join(__dirname, '../../fixtures/complexity');

describe('complexity in the CLI', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
    chmodSync(root, 0o755);
  });
  afterEach(() => removeDir(root));

  describe('debt-portfolio metrics', () => {

    it('prints every record of every TS/JS file in the versioned JSON contract', async () => {
      const files = ['constructs.ts', 'jsx.jsx', 'leaks.ts'];
      writeFiles(root, Object.fromEntries([...files.map((f) => [`src/${f}`, readFileSync(path.join(FIXTURES, f), 'utf8')]), ['notes.py', 'def f():\n  pass\n']]));
      const run = runCli(['metrics', root, '--no-git', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const metrics = JSON.parse(run.stdout) as FolderMetrics;
      assert.equal(metrics.version, 1);
      assert.deepEqual(metrics.files.map((f) => f.file), files.map((f) => `src/${f}`));
      const ts = await loadTypeScript();
      for (const file of files) {
        const expected = analyzeSource(ts, file, readFileSync(path.join(FIXTURES, file), 'utf8')).records.map(({ cognitiveAt, ...record }) => ({ file: `src/${file}`, ...record }));
        assert.deepEqual(metrics.functions.filter((f) => f.file === `src/${file}`), expected, file);
      }
      assert.deepEqual(Object.keys(metrics.functions[0]!).sort(), ['column', 'cognitive', 'cyclomatic', 'file', 'kind', 'line', 'loc', 'name', 'nesting', 'params', 'range'].sort());
    });

    it('prints a table, most complex first, names a file with a syntax error on stderr, and lists a minified one as skipped, not as a warning', () => {
      writeFiles(root, { 'a.js': 'function simple() { return 1; }\nfunction twisted(a) { if (a) { while (a) { a--; } } }\n', 'b.ts': 'function broken( {\n', 'packed.js': `var x = [${'1,'.repeat(2000)}];\n` });
      const run = runCli(['metrics', root, '--no-git']);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.match(lines[2]!, /^a\.js:2:1\s+twisted\s+function\s+3\s+3\s+2\s+1\s+1$/);
      assert.match(lines[3]!, /^a\.js:1:1\s+simple\s+function\s+1\s+0\s+0\s+1\s+0$/);
      assert.match(run.stdout, /2 functions in 2 files, 3 lines of code/);
      assert.match(run.stderr, /b\.ts:2:1: syntax error: .*; complexity metrics are for what parsed/);
      assert.doesNotMatch(run.stderr, /packed\.js/);
      const json = JSON.parse(runCli(['metrics', root, '--no-git', '--format', 'json']).stdout) as { skippedFiles: Array<{ file: string; reason: string; why?: string }> };
      assert.deepEqual(json.skippedFiles, [{ file: 'packed.js', reason: 'minified', why: 'lines average over 300 characters' }]);
    });

    itExitsWithUsageErrors(
      [
        ['a path that does not exist', ['metrics', '/no/such/dir'], /no such folder/],
        ['a bad format', ['metrics', '--format', 'xml'], /--format must be one of table, json/],
        ['two folders', ['metrics', 'a', 'b'], /one folder/],
      ],
      () => root,
    );
  });

  it('loads TypeScript only for TS/JS files: without dist/typescript.js, other languages and --no-complexity still scan', () => {
    const dist = path.join(root, 'dist-without-typescript');
    cpSync(path.dirname(cliPath()), dist, { recursive: true });
    rmSync(path.join(dist, 'typescript.js'));
    const run = (dir: string, ...args: string[]) => spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', dir, '--no-git', '--no-cache', '--format', 'json', ...args], { encoding: 'utf8' });
    writeFiles(root, { 'py/a.py': '# TODO: python\n', 'ts/a.ts': '// TODO: typescript\n' });
    const python = run(path.join(root, 'py'));
    assert.equal(python.status, 0, python.stderr);
    assert.equal((JSON.parse(python.stdout) as ScanResult).items.length, 1);
    const lexed = run(path.join(root, 'ts'), '--no-complexity');
    assert.equal(lexed.status, 0, lexed.stderr);
    assert.equal((JSON.parse(lexed.stdout) as ScanResult).items.length, 1);
    const parsed = run(path.join(root, 'ts'));
    assert.notEqual(parsed.status, 0);
    assert.match(parsed.stderr, /typescript\.js/);
  });

  describe('debt-portfolio scan with hotspots', () => {
    it('lists hotspots in the table and JSON, and --no-complexity leaves them out', () => {
      writeFiles(root, { 'a.ts': readFileSync(path.join(FIXTURES, 'leaks.ts'), 'utf8'), '.debt/config.json': '{ "hotspotCognitive": 10 }' });
      const table = runCli(['scan', root, '--no-git']);
      assert.match(table.stdout, /a\.ts:2:8\s+hotspot\s+0\s+5\s+never\s+chooser: cognitive 16, cyclomatic 6/);
      const json = JSON.parse(runCli(['scan', root, '--no-git', '--format', 'json']).stdout) as ScanResult;
      assert.deepEqual(json.items.filter((i): i is HotspotItem => i.kind === 'hotspot').map((h) => [h.name, h.metrics.cognitive]), [['chooser', 16], ['twoLeaks', 14]]);
      const off = JSON.parse(runCli(['scan', root, '--no-git', '--format', 'json', '--no-complexity']).stdout) as ScanResult;
      assert.deepEqual(off.items, []);
    });
  });
});
