import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Warning } from '../model';
import { writeFileAtomic } from '../store/jsonFile';
import { cacheDir } from './cacheDir';
import { parseScanCache, serializeScanCache, type ScanCache } from './scanCacheFile';
import { trackedScanCache } from './trackedScanCache';

/** A scan cache kept in a file of the tool's cache folder, one per scanned folder, for the CLI's next run. */
export interface DiskScanCache extends ScanCache {
  /** The cache file: in the cache folder, named by a hash of the scanned folder's real path. */
  readonly file: string;
  /** Lookups answered from the cache since it was opened. */
  readonly hits: number;
  /** Reads the file; a missing one is an empty cache, anything unusable is ignored and named in the warning. */
  load(): Promise<Warning | undefined>;
  /** Writes the entries used since the last load or save (older ones are dropped); a failure is a warning. */
  save(): Promise<Warning | undefined>;
}

/** The scan cache for `root` in `dir` (the platform's cache folder by default); reads nothing until load(). */
export async function diskScanCache(root: string, dir = cacheDir()): Promise<DiskScanCache> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  const file = path.join(dir, `scan-${createHash('sha256').update(realRoot).digest('hex').slice(0, 32)}.json`);
  const memory = trackedScanCache();
  const warning = (code: string, message: string): Warning => ({ file, code, message });
  return {
    file,
    get hits() {
      return memory.hits;
    },
    get: (key) => memory.get(key),
    set: (key, found) => memory.set(key, found),
    async load() {
      const read = await readNoFollow(file);
      const parsed = read.text === undefined ? { entries: new Map(), problem: read.problem } : parseScanCache(read.text, realRoot);
      memory.replace(parsed.entries);
      return parsed.problem === undefined ? undefined : warning('scan-cache-ignored', `scan cache ignored: ${parsed.problem}; it is rebuilt on save`);
    },
    async save() {
      const text = serializeScanCache(memory.takeUsed(), realRoot);
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(file, text);
        return undefined;
      } catch (error) {
        return warning('scan-cache-not-saved', `scan cache not saved: ${(error as Error).message}`);
      }
    },
  };
}

/** The file's text; nothing for a missing file, a problem for a link or an unreadable file. */
async function readNoFollow(file: string): Promise<{ text?: string; problem?: string }> {
  try {
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      return { text: await handle.readFile('utf8') };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    if (code === 'ELOOP') return { problem: 'it is a symbolic link, not followed' };
    return { problem: `unreadable (${(error as Error).message})` };
  }
}
