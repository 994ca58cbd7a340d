import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../../../src/core/config';
import { blobsAt } from '../../../../src/core/git/blobs';
import { listFiles } from '../../../../src/core/files/listFiles';
import { pathFilter } from '../../../../src/core/files/excludes';
import { decodeName, displayName, encodeName } from '../../../../src/core/files/fileNames';
import { lineAges } from '../../../../src/core/history/blame';
import { streamLog } from '../../../../src/core/history/gitLog';
import { readHistory } from '../../../../src/core/history/history';
import type { Warning } from '../../../../src/core/model';
import { scanFolder as scan } from '../../../../src/core/pipeline/scanFolder';
import { historySettingsOf } from '../../../../src/core/pipeline/historyScorer';
import { runCli } from '../../../helpers/cli';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { git, makeTempDir, removeDir } from '../../../helpers/tempDir';

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d+Z$/, 'Z');
const settings = historySettingsOf(defaultConfig());
const LATIN1_NAME = Buffer.from('l\xe9.js', 'latin1');

/** A commit made from raw bytes (an author name git commit would have re-encoded), on top of HEAD. */
function rawCommit(root: string, author: Buffer, message: string): void {
  const tree = git(root, ['write-tree']).trim();
  const parent = git(root, ['rev-parse', 'HEAD']).trim();
  const when = Math.floor((Date.now() - 2 * DAY) / 1000);
  const body = Buffer.concat([Buffer.from(`tree ${tree}\nparent ${parent}\nauthor `), author, Buffer.from(` <x@x> ${when} +0000\ncommitter T <t@x> ${when} +0000\n\n${message}\n`)]);
  const commit = spawnSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: root, input: body, encoding: 'utf8' }).stdout.trim();
  git(root, ['update-ref', 'refs/heads/main', commit]);
}

describe('git output read safely', function () {
  this.timeout(60_000);
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('keeps history whole when a commit message holds the old record separator and a fake record', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '1\n' }, { date: daysAgo(10) });
    repo.commit({ 'a.ts': '2\n' }, { date: daysAgo(5), message: `fix: x\x1e${'f'.repeat(40)}\x1fnot a time\x1fEve <e@x>\x1fINC-9\x1f\n` });
    const history = await readHistory(root, settings);
    assert.ok(history.available, 'reason' in history ? history.reason : '');
    assert.equal(history.commits, 2);
    assert.deepEqual([...history.files.keys()], ['a.ts']);
    assert.equal(history.files.get('a.ts')!.fixCommits, 1);
  });

  it('reads blobs by object id: names with newlines cannot shift the answers, and check --base flags only the new TODO', () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'old.py': '# TODO(alice): old\n', 'notes\nold.py': '# TODO: harmless\n', 'a\nHEAD:new.js': '// nothing\n' }, { date: daysAgo(10) });
    const unchanged = runCli(['check', root, '--base', 'HEAD'], { cwd: root });
    assert.equal(unchanged.code, 0, unchanged.stdout + unchanged.stderr);
    repo.commit({ 'new.js': '// TODO: no meta\n' }, { date: daysAgo(5) });
    const check = runCli(['check', root, '--base', 'HEAD~1'], { cwd: root });
    assert.equal(check.code, 1, check.stdout + check.stderr);
    assert.match(check.stdout, /^new\.js:1:4: new TODO without META: no meta$/m);
    assert.equal(check.stdout.match(/: new \w+ without META/g)?.length, 1, check.stdout);
  });

  it('skips a blob over the size limit before reading it, with a warning naming the file', async () => {
    const repo = new ScriptedRepo(root);
    const commit = repo.commit({ 'big.js': `// TODO: big\n${'x'.repeat(5000)}\n`, 'small.js': '// TODO: small\n' }, { date: daysAgo(3) });
    const warnings: Warning[] = [];
    const texts = await blobsAt(root, commit, ['big.js', 'small.js'], { maxBytes: 1000, onWarning: (w) => warnings.push(w) });
    assert.deepEqual([...texts.keys()], ['small.js']);
    assert.deepEqual(warnings.map((w) => [w.file, /5014 bytes, over the 1000-byte limit/.test(w.message)]), [['big.js', true]]);
  });

  it('says which git call failed instead of parsing nothing', async () => {
    new ScriptedRepo(root).commit({ 'a.ts': '1\n' }, { date: daysAgo(3) });
    await assert.rejects(blobsAt(root, 'f'.repeat(40), ['a.ts'], { maxBytes: 1000 }), /^GitCallError: git ls-tree failed \(exit 128\): fatal: /);
    await assert.rejects(streamLog(root, 'f'.repeat(40), 0, () => undefined), /^GitCallError: git log failed \(exit 128\): fatal: /);
  });

  it('maps names that are not UTF-8 to strings and back, shown with U+FFFD', () => {
    for (const bytes of [LATIN1_NAME, Buffer.from('ok ü 💀.js'), Buffer.from([0xed, 0xa0, 0x80, 0x41]), Buffer.from([0xf0, 0x9f, 0x92]), Buffer.from([0xff, 0xfe])]) assert.deepEqual(encodeName(decodeName(bytes)), bytes);
    assert.equal(displayName(decodeName(LATIN1_NAME)), 'l\ufffd.js');
    assert.equal(displayName(decodeName(Buffer.from('💀'))), '💀');
  });

  for (const lister of ['git', 'walk'] as const) {
    it(`finds the TODO in a file whose name is not UTF-8 (${lister} lister), shows the name with U+FFFD and dates it`, async () => {
      const repo = new ScriptedRepo(root);
      writeFileSync(Buffer.concat([Buffer.from(`${root}/`), LATIN1_NAME]), '// TODO: found\n');
      repo.commit({}, { date: daysAgo(4), author: 'Alice <a@x>' });
      const result = await scan(root, { noGit: lister === 'walk' });
      assert.deepEqual(result.skippedFiles, []);
      assert.deepEqual(result.items.map((item) => [displayName(item.file), item.kind === 'annotation' && item.text]), [['l\ufffd.js', 'found']]);
      const table = runCli(['scan', root, ...(lister === 'walk' ? ['--no-git'] : [])], { cwd: root });
      assert.match(table.stdout, /l\ufffd\.js:1:4\s+TODO/);
      if (lister === 'walk') return;
      const history = await readHistory(root, settings);
      assert.ok(history.available);
      assert.deepEqual([...history.files.keys()], [result.items[0]!.file]);
    });
  }

  it('shows an author name that is not UTF-8 with U+FFFD, not as Latin-1', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '1\n' }, { date: daysAgo(10) });
    writeFileSync(path.join(root, 'a.ts'), '// TODO: by Lé\n');
    git(root, ['add', 'a.ts']);
    rawCommit(root, Buffer.from('L\xe9', 'latin1'), 'raw');
    const ages = await lineAges(root, 'a.ts', new Map());
    assert.ok(ages && ages !== 'not-cached');
    assert.equal(ages[1]!.author, 'L\ufffd');
  });

  it('skips submodules and nested repositories with a reason of their own', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '// TODO: x\n' }, { date: daysAgo(2) });
    git(root, ['update-index', '--add', '--cacheinfo', `160000,${'a'.repeat(40)},vendored`]);
    mkdirSync(path.join(root, 'nested'));
    new ScriptedRepo(path.join(root, 'nested')).commit({ 'n.ts': '1\n' }, { date: daysAgo(2) });
    const listed = await listFiles(root, pathFilter([], []));
    assert.deepEqual(listed.files, ['a.ts']);
    assert.deepEqual(listed.skipped, [{ file: 'nested', reason: 'submodule' }, { file: 'vendored', reason: 'submodule' }]);
  });

  for (const noGit of [false, true]) {
    it(`says a bare repository is one and does not scan its internals${noGit ? ' (without git)' : ''}`, async () => {
      git(root, ['init', '-q', '--bare']);
      writeFileSync(path.join(root, 'hooks', 'x.sh'), '# TODO: internal\n');
      const result = await scan(root, { noGit });
      assert.deepEqual(result.items, []);
      assert.equal(result.stats.filesListed, 0);
      assert.deepEqual(result.warnings.map((w) => [w.file, w.code]), [['.', 'bare-repository']]);
      if (!noGit) assert.match((await readHistory(root, settings) as { reason: string }).reason, /^git history is off: a bare repository/);
    });
  }
});
