import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { processLives, tempName } from './lock';

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

const isSorted = (keys: string[]): boolean => keys.every((key, i) => i === 0 || keys[i - 1]! < key);

/** The value with every object's keys sorted; an object already in order (as read from a stable file) is reused. */
const sortedCopy = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  const children = keys.map((key) => sortedCopy(value[key]));
  if (isSorted(keys) && children.every((child, i) => child === value[keys[i]!])) return value;
  const order = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1));
  return Object.fromEntries(order.map((i) => [keys[i]!, children[i]]));
};

/** JSON with keys sorted at every level, two-space indents and a final newline: stable, diff- and merge-friendly. */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(sortedCopy(value), null, 2)}\n`;
}

/** The permission bits of an existing regular file, so a replaced file keeps them; 0644 for a new one. */
async function modeOf(file: string): Promise<number> {
  try {
    const stats = await lstat(file);
    return stats.isFile() ? stats.mode & 0o7777 : 0o644;
  } catch {
    return 0o644;
  }
}

/**
 * Writes through a uniquely named temp file, fsynced, then renamed over the target: readers see old or new, never
 * half. The file keeps its permission bits. `beforeRename` may still refuse (and the temp file goes).
 */
export async function writeFileAtomic(file: string, content: string, beforeRename: () => void = () => {}): Promise<void> {
  const temp = tempName(file);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.chmod(await modeOf(file));
      await handle.sync();
    } finally {
      await handle.close();
    }
    beforeRename();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const dir = await open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Deletes the temp files that writers of `file` (and of its lock) left when they died: their pid no longer runs. */
export async function removeDeadWritersTemps(file: string): Promise<void> {
  const prefix = `.${path.basename(file)}.`;
  const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(?:lock\.)?(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !processLives(Number(pid))) await rm(path.join(path.dirname(file), name), { force: true, recursive: true });
  }
}
