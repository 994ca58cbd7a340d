import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { diffArrays } from 'diff';
import { fsPath, hasEscapedBytes } from '../files/fileNames';
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

/** A line of the committed file as `git blame --porcelain` gives it: its text and when it came in. */
export interface CommittedLine {
  text: string;
  age: LineAge;
}

/** Parses `git blame --porcelain`: each final line's text with its commit's author and time. */
export function parsePorcelain(output: string): CommittedLine[] {
  const commits = new Map<string, { author: string; time: string }>();
  const lines: CommittedLine[] = [];
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
      lines[current.line - 1] = { text: row.slice(1), age: { introduced: info.time, author: info.author, commit: current.sha } };
    }
  }
  return lines;
}

const linesOf = (text: string): string[] => {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/**
 * Each working line's age: a line the diff from the committed file keeps has its committed age, any other
 * is not committed yet. Undefined when the two differ too much to diff in a second.
 */
export function workingAges(committed: readonly CommittedLine[], working: string, now: string): Record<number, LineAge> | undefined {
  const changes = diffArrays(committed.map((line) => line.text), linesOf(working), { timeout: 1000 });
  if (!changes) return undefined;
  const ages: Record<number, LineAge> = {};
  let workingLine = 1;
  let committedLine = 0;
  for (const change of changes) {
    for (let i = 0; i < change.count; i++) {
      if (change.removed) committedLine++;
      else ages[workingLine++] = change.added ? { introduced: now, author: 'Not Committed Yet', commit: UNCOMMITTED } : committed[committedLine++]!.age;
    }
  }
  return ages;
}

/**
 * The age of the given lines of a file: `git blame --porcelain HEAD` of the committed file (git never reads
 * the working copy, so no clean filter or textconv runs), the uncommitted lines found by a line diff in
 * process; cached by the file's blob id. With `cachedOnly`, no blame runs and a file not blamed as it is
 * now gives 'not-cached'. A file not in HEAD is all uncommitted; a name git cannot be given gives undefined.
 */
/** Blame of HEAD by commit and file, kept by the caller (the scorer): an edit then needs only the diff in process. */
export type CommittedBlame = Map<string, CommittedLine[]>;

/** The committed lines of a file in HEAD, blamed once per HEAD commit when `head` and a cache are given; undefined when blame fails. */
async function committedLines(root: string, file: string, options: { head?: string; committed?: CommittedBlame; signal?: AbortSignal }): Promise<CommittedLine[] | undefined> {
  const cache = options.head ? options.committed : undefined;
  const key = `${options.head}\u0000${file}`;
  const known = cache?.get(key);
  if (known) return known;
  const result = await runGit(root, ['blame', '--porcelain', '--no-textconv', 'HEAD', '--', file], { timeoutMs: 30_000, signal: options.signal });
  const notInHead = result.code !== 0 && /no such path .* in HEAD/.test(result.stderr);
  if (result.code !== 0 && !notInHead) return undefined;
  const committed = notInHead ? [] : parsePorcelain(result.stdout.toString('utf8'));
  if (cache) {
    if (cache.size >= 2_000) cache.clear();
    cache.set(key, committed);
  }
  return committed;
}

export async function lineAges(root: string, file: string, cache: BlameCache, options: { now?: string; cachedOnly?: boolean; head?: string; committed?: CommittedBlame; signal?: AbortSignal } = {}): Promise<Record<number, LineAge> | 'not-cached' | undefined> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(fsPath(root, file));
  } catch {
    return undefined;
  }
  const key = blobId(bytes);
  const cached = cache.get(key);
  if (cached) return cached;
  if (options.cachedOnly) return 'not-cached';
  if (hasEscapedBytes(file)) return undefined;
  const committed = await committedLines(root, file, options);
  if (!committed) return undefined;
  const ages = workingAges(committed, bytes.toString('utf8'), options.now ?? new Date().toISOString());
  if (ages) cache.set(key, ages);
  return ages;
}
