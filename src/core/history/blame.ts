import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runGit } from '../git/run';

export interface LineAge {
  /** ISO time the line came in (author time); now for lines not committed yet. */
  introduced: string;
  author: string;
  commit: string;
}

const UNCOMMITTED = '0'.repeat(40);

/** git's blob id of a file's bytes: the cache key, so an unchanged file is never blamed twice. */
export const blobId = (bytes: Buffer): string => createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

/** Ages of lines by blob id and line number; plain data, so a host can persist it. */
export type BlameCache = Map<string, Record<number, LineAge>>;

/** Parses `git blame --porcelain`: each final line number with its commit's author and time. */
export function parsePorcelain(output: string, now: string): Record<number, LineAge> {
  const commits = new Map<string, { author: string; time: string }>();
  const lines: Record<number, LineAge> = {};
  let current: { sha: string; line: number } | undefined;
  for (const row of output.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(row);
    if (header) {
      current = { sha: header[1]!, line: Number(header[2]) };
      if (!commits.has(current.sha)) commits.set(current.sha, { author: '', time: '' });
    } else if (current && row.startsWith('author ')) commits.get(current.sha)!.author = row.slice(7);
    else if (current && row.startsWith('author-time ')) commits.get(current.sha)!.time = new Date(Number(row.slice(12)) * 1000).toISOString();
    else if (current && row.startsWith('\t')) {
      const info = commits.get(current.sha)!;
      lines[current.line] = current.sha === UNCOMMITTED ? { introduced: now, author: 'Not Committed Yet', commit: UNCOMMITTED } : { introduced: info.time, author: info.author, commit: current.sha };
    }
  }
  return lines;
}

/**
 * The age of the given lines of a file, from `git blame --porcelain --no-textconv` of its working
 * copy (so no repository filter or diff driver runs), cached by the file's blob id; with `cachedOnly`, no blame
 * runs and a file not blamed as it is now gives 'not-cached'.
 */
export async function lineAges(root: string, file: string, cache: BlameCache, options: { now?: string; cachedOnly?: boolean } = {}): Promise<Record<number, LineAge> | 'not-cached' | undefined> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch {
    return undefined;
  }
  const key = blobId(bytes);
  const cached = cache.get(key);
  if (cached) return cached;
  if (options.cachedOnly) return 'not-cached';
  const result = await runGit(root, ['blame', '--porcelain', '--no-textconv', '--', file], { timeoutMs: 30_000 });
  if (result.code !== 0) return undefined;
  const ages = parsePorcelain(result.stdout.toString('utf8'), options.now ?? new Date().toISOString());
  cache.set(key, ages);
  return ages;
}
