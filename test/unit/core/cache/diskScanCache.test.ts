import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { diskScanCache, type DiskScanCache } from '../../../../src/core/cache/diskScanCache';
import { SCAN_CACHE_VERSION } from '../../../../src/core/cache/scanCacheFile';
import type { ScanCache } from '../../../../src/core/cache/scanCacheFile';
import { scanFolder } from '../../../../src/core/pipeline/scanFolder';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

describe('disk scan cache', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = makeTempDir('debt-cached-root-');
    dir = path.join(makeTempDir('debt-cache-'), 'debt-portfolio');
    writeFiles(root, { 'a.ts': 'function f() {}\n// TODO(owner: ann): first\n', 'b.py': '# FIXME: second\n', 'c.md': 'no tags here\n' });
  });
  afterEach(() => {
    removeDir(root);
    removeDir(path.dirname(dir));
  });

  /** A scan with the cache loaded first and saved after, as the CLI runs it. */
  async function cachedScan(): Promise<{ cache: DiskScanCache; loaded: unknown; items: unknown[] }> {
    const cache = await diskScanCache(root, dir);
    const loaded = await cache.load();
    const asScanCache: ScanCache = cache;
    const result = await scanFolder(root, { noGit: true, cache: asScanCache });
    assert.equal(await cache.save(), undefined);
    return { cache, loaded, items: result.items };
  }

  it('answers a second run from the file the first one saved, with the same items', async () => {
    const first = await cachedScan();
    assert.equal(first.cache.hits, 0);
    assert.equal(first.loaded, undefined);
    assert.ok(first.cache.file.startsWith(dir + path.sep));
    const second = await cachedScan();
    assert.equal(second.loaded, undefined);
    assert.ok(second.cache.hits >= 2, `hits: ${second.cache.hits}`);
    assert.deepEqual(second.items, first.items);
  });

  it('names the file after the real path of the folder, so a link to it shares the cache', async () => {
    const link = `${root}-link`;
    symlinkSync(root, link);
    try {
      assert.equal((await diskScanCache(link, dir)).file, (await diskScanCache(root, dir)).file);
      assert.notEqual((await diskScanCache(path.dirname(dir), dir)).file, (await diskScanCache(root, dir)).file);
    } finally {
      removeDir(link);
    }
  });

  it('keeps only the entries used by the last run', async () => {
    await cachedScan();
    writeFiles(root, { 'b.py': '# FIXME: changed\n' });
    await cachedScan();
    const saved = JSON.parse(readFileSync((await diskScanCache(root, dir)).file, 'utf8')) as { entries: Record<string, unknown> };
    const files = Object.keys(saved.entries).map((key) => key.split('\u0000')[0]).sort();
    assert.deepEqual(files, [...new Set(files)]);
    assert.ok(files.includes('b.py'));
  });

  const corruptions: Array<[string, (text: string) => string, RegExp]> = [
    ['a truncated file', (text) => text.slice(0, text.length >> 1), /not JSON/],
    ['text that is not JSON', () => 'garbage\n', /not JSON/],
    ['JSON that is not a scan cache', () => '[1, 2]', /not a debt-portfolio scan cache/],
    ['another version', (text) => text.replace(SCAN_CACHE_VERSION, '0.0.1+cache0'), /written by version 0\.0\.1\+cache0, this is /],
    ['an item missing its line', (text) => text.replace(/"line":\d+,/, ''), /an entry does not hold scan results: (a\.ts|b\.py) at items\.0\.line/],
    ['an item whose line is text', (text) => text.replace(/"line":\d+/, '"line":"7"'), /at items\.0\.line/],
    ['an item of an unknown kind', (text) => text.replace('"kind":"annotation"', '"kind":"surprise"'), /at items\.0\.kind/],
    ['an item with a key no item has', (text) => text.replace('"kind":"annotation"', '"kind":"annotation","evil":1'), /evil/],
  ];
  for (const [what, corrupt, problem] of corruptions) {
    it(`ignores ${what} with one warning naming the cache file, and replaces it on save`, async () => {
      const { cache } = await cachedScan();
      writeFileSync(cache.file, corrupt(readFileSync(cache.file, 'utf8')));
      const again = await diskScanCache(root, dir);
      const warning = await again.load();
      assert.equal(warning?.file, cache.file);
      assert.equal(warning?.code, 'scan-cache-ignored');
      assert.match(warning!.message, problem);
      await scanFolder(root, { noGit: true, cache: again });
      assert.equal(again.hits, 0);
      assert.equal(await again.save(), undefined);
      assert.equal(await (await diskScanCache(root, dir)).load(), undefined);
    });
  }

  it('ignores a cache written for another folder', async () => {
    const { cache } = await cachedScan();
    const other = makeTempDir('debt-other-root-');
    try {
      writeFiles(other, { 'a.ts': readFileSync(path.join(root, 'a.ts'), 'utf8') });
      const foreign = await diskScanCache(other, dir);
      writeFileSync(foreign.file, readFileSync(cache.file));
      const warning = await foreign.load();
      assert.match(warning?.message ?? '', /for another folder \(.*debt-cached-root-.*\), not .*debt-other-root-/);
      await scanFolder(other, { noGit: true, cache: foreign });
      assert.equal(foreign.hits, 0);
    } finally {
      removeDir(other);
    }
  });

  it('reads no link and writes through none: a link in its place is named, then replaced by a file', async () => {
    const victim = path.join(path.dirname(dir), 'victim.json');
    writeFileSync(victim, 'precious');
    mkdirSync(dir, { recursive: true });
    const cache = await diskScanCache(root, dir);
    symlinkSync(victim, cache.file);
    assert.match((await cache.load())?.message ?? '', /symbolic link/);
    await scanFolder(root, { noGit: true, cache });
    assert.equal(await cache.save(), undefined);
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
    assert.equal(await (await diskScanCache(root, dir)).load(), undefined);
  });

  it('reports a save that fails as a warning and leaves no temp file behind', async () => {
    const blocked = path.join(path.dirname(dir), 'blocked');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const cache = await diskScanCache(root, path.join(blocked, 'debt-portfolio'));
    await scanFolder(root, { noGit: true, cache });
    const warning = await cache.save();
    assert.equal(warning?.code, 'scan-cache-not-saved');
    assert.equal(warning?.file, cache.file);
    const full = await diskScanCache(root, dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, path.basename(full.file)), 'x');
    await scanFolder(root, { noGit: true, cache: full });
    assert.equal(await full.save(), undefined);
    assert.deepEqual(readdirSync(dir), [path.basename(full.file)]);
  });
});
