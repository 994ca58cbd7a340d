import { gitOutput, runGit, GitUnavailableError } from '../git/run';
import type { Pattern } from '../text/pattern';
import { streamLog, type LogCommit } from './gitLog';

const DAY = 86_400;

export interface FileHistory {
  commits: number;
  /** Σ 0.5^(age / half-life) over the file's commits. */
  weightedCommits: number;
  linesChurned: number;
  authors: number;
  /** ISO date of the newest commit. */
  lastChange: string;
  fixCommits: number;
  weightedFixCommits: number;
  /** Incident ids named in the messages of commits that touched the file. */
  incidents: string[];
}

export interface HistorySettings {
  windowDays: number;
  halfLifeDays: number;
  /** Case-insensitive pattern of fix commit messages. */
  fixPattern: Pattern;
  /** Pattern of incident ids in commit messages and META. */
  incidentPattern: Pattern;
  /** A commit touching at least this many files is an import or a mass edit (a first commit of a whole tree, a reformat): not a change of each file. */
  bulkCommitFiles: number;
}

/** An import or a mass edit: it says nothing about the cost of any one file, so it never counts as a change or a fix. */
export const isBulk = (commit: LogCommit, settings: Pick<HistorySettings, 'bulkCommitFiles'>): boolean => commit.files.length >= settings.bulkCommitFiles;

export type History =
  | { available: true; head: string; asOf: number; windowDays: number; commits: number; files: Map<string, FileHistory>; notice?: string }
  | { available: false; reason: string };

interface Accumulator {
  commits: number;
  weighted: number;
  churn: number;
  authors: Set<string>;
  last: number;
  fixes: number;
  weightedFixes: number;
  incidents: Set<string>;
}

/** Where a start looks for history: the commit, its time when it is a past one, and how far a shallow clone goes back. */
type Start = { commit: string; time?: number; shallowSince?: number } | { reason: string };

/** The oldest commit time a shallow clone holds (its boundary commits have no parents here); undefined when it holds one commit only. */
async function shallowBoundary(root: string, commit: string): Promise<number | undefined> {
  const count = Number((await gitOutput(root, ['rev-list', '--count', '--end-of-options', commit, '--'])).stdout.toString().trim());
  if (count <= 1) return undefined;
  const times = await gitOutput(root, ['log', '--max-parents=0', '--format=%ct', '--end-of-options', commit, '--']);
  return Math.min(...times.stdout.toString().split('\n').filter(Boolean).map(Number));
}

/**
 * Why history is off here, or the commit to read from: HEAD (a detached HEAD too, as CI checks out a pull request),
 * or `asOfRef` when it names a commit. A shallow clone gives the history it holds; at depth 1 there is none.
 */
async function startingCommit(root: string, asOfRef?: string): Promise<Start> {
  try {
    const where = await runGit(root, ['rev-parse', '--is-bare-repository', '--is-inside-work-tree', '--is-shallow-repository']);
    const [bare, inside, shallow] = where.stdout.toString().trim().split('\n');
    if (where.code === 0 && bare === 'true') return { reason: 'a bare repository: it has no working tree' };
    if (where.code !== 0 || inside !== 'true') return { reason: 'not a git repository' };
    const head = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    if (head.code !== 0) return { reason: 'an empty repository: no commits yet' };
    const shallowSince = shallow === 'true' ? await shallowBoundary(root, head.stdout.toString().trim()) : undefined;
    if (shallow === 'true' && shallowSince === undefined) return { reason: 'a shallow clone of depth 1: it holds one commit and no history (fetch more, e.g. fetch-depth: 0)' };
    const bounds = shallowSince === undefined ? {} : { shallowSince };
    if (!asOfRef) return { commit: head.stdout.toString().trim(), ...bounds };
    if (asOfRef.startsWith('-')) return { reason: `"${asOfRef}" is not a commit` };
    const at = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${asOfRef}^{commit}`]);
    if (at.code !== 0) return { reason: `"${asOfRef}" is not a commit` };
    const commit = at.stdout.toString().trim();
    const time = await gitOutput(root, ['show', '-s', '--no-show-signature', '--format=%ct', '--end-of-options', commit]);
    return { commit, time: Number(time.stdout.toString().trim()), ...bounds };
  } catch (error) {
    return { reason: error instanceof GitUnavailableError ? 'git is not installed (not on PATH)' : (error as Error).message };
  }
}

/** What a shallow clone's history covers, said once: how far back it goes, and whether the window reaches past it. */
function shallowNotice(shallowSince: number, since: number, windowDays: number): string {
  const day = new Date(shallowSince * 1000).toISOString().slice(0, 10);
  return shallowSince > since
    ? `a shallow clone: its history goes back to ${day}, and the ${windowDays}-day window reaches past it, so older changes are not counted (fetch more history for full figures)`
    : `a shallow clone: its history goes back to ${day}, which covers the ${windowDays}-day window`;
}

/** Why git history is off for this folder, or undefined when it is on. */
export async function historyOff(root: string): Promise<string | undefined> {
  const start = await startingCommit(root);
  return 'reason' in start ? `git history is off: ${start.reason}` : undefined;
}

/**
 * One streaming pass of `git log --numstat` over the window before `asOf` (seconds; default now),
 * renames followed: per file, commits (plain and recency-weighted), churn, authors, last change,
 * fix commits and incident ids. History is off, with the reason, where git cannot give it.
 */
export async function readHistory(root: string, settings: HistorySettings, options: { asOf?: number; asOfRef?: string; signal?: AbortSignal } = {}): Promise<History> {
  const start = await startingCommit(root, options.asOfRef);
  if ('reason' in start) return { available: false, reason: `git history is off: ${start.reason}` };
  const asOf = start.time ?? options.asOf ?? Math.floor(Date.now() / 1000);
  const since = asOf - settings.windowDays * DAY;
  const files = new Map<string, Accumulator>();
  /** Where a path's history goes: renames seen in newer commits point old paths at today's path. */
  const currentPath = new Map<string, string>();
  const resolve = (path: string): string => currentPath.get(path) ?? path;
  let commits = 0;

  const add = (commit: LogCommit): void => {
    if (commit.time > asOf || isBulk(commit, settings)) return;
    commits++;
    const weight = 0.5 ** ((asOf - commit.time) / DAY / settings.halfLifeDays);
    const isFix = settings.fixPattern.test(commit.message);
    const incidents = settings.incidentPattern.matchAll(commit.message);
    for (const file of commit.files) {
      const path = resolve(file.path);
      if (file.renamedFrom !== undefined) currentPath.set(file.renamedFrom, path);
      const acc = files.get(path) ?? { commits: 0, weighted: 0, churn: 0, authors: new Set(), last: 0, fixes: 0, weightedFixes: 0, incidents: new Set() };
      acc.commits++;
      acc.weighted += weight;
      acc.churn += file.churn;
      acc.authors.add(commit.author);
      acc.last = Math.max(acc.last, commit.time);
      if (isFix) {
        acc.fixes++;
        acc.weightedFixes += weight;
      }
      for (const id of incidents) acc.incidents.add(id);
      files.set(path, acc);
    }
  };
  try {
    await streamLog(root, start.commit, since, add, { signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return { available: false, reason: `git history is off: ${(error as Error).message}` };
  }
  const result = new Map<string, FileHistory>();
  for (const [path, acc] of files) {
    result.set(path, {
      commits: acc.commits,
      weightedCommits: acc.weighted,
      linesChurned: acc.churn,
      authors: acc.authors.size,
      lastChange: new Date(acc.last * 1000).toISOString(),
      fixCommits: acc.fixes,
      weightedFixCommits: acc.weightedFixes,
      incidents: [...acc.incidents].sort(),
    });
  }
  const notice = start.shallowSince === undefined ? {} : { notice: shallowNotice(start.shallowSince, since, settings.windowDays) };
  return { available: true, head: start.commit, asOf, windowDays: settings.windowDays, commits, files: result, ...notice };
}
