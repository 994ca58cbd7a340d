import { gitOutput } from '../git/run';
import type { DebtSplit, DeliveryFigure, DeliveryFigures, ReleaseSource } from '../../shared/delivery';
import type { Warning } from '../model';
import type { Pattern } from '../text/pattern';
import { streamLogOutput } from './gitLog';
import { INCIDENTS_FILE, type Incident } from './incidents';

const DAY_SECONDS = 86_400;
const WEEK_SECONDS = 7 * DAY_SECONDS;

/** A release: a matching tag on a commit, or a merge on the default branch's first-parent line. */
export interface Release {
  name: string;
  commit: string;
  /** Seconds since the epoch: the tag's date (the commit's for a lightweight tag), or the merge's committer date. */
  time: number;
  /** major, minor, patch when the name carries a version. */
  version?: [number, number, number];
}

export interface DeliveryCommit {
  hash: string;
  parents: string[];
  authorTime: number;
  time: number;
  message: string;
  files: string[];
}

export type DeliveryLog = Awaited<ReturnType<typeof readDeliveryLog>>;

/** Each field NUL-terminated, refnames hold neither NUL nor newline: one tag a line, nothing in a name can forge a field. */
const TAG_FORMAT = '--format=%(refname:lstrip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(creatordate:unix)';
const OBJECT_ID = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const VERSION = /(\d{1,9})\.(\d{1,9})(?:\.(\d{1,9}))?/;

const versionOf = (name: string): [number, number, number] | undefined => {
  const match = VERSION.exec(name);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
};

/** The tags whose names match `pattern` and that point (directly or through an annotated tag) at a commit; one git call. */
export async function readReleaseTags(root: string, pattern: Pattern): Promise<{ tags: Release[]; warnings: Warning[] }> {
  const output = (await gitOutput(root, ['for-each-ref', TAG_FORMAT, '--end-of-options', 'refs/tags/'])).stdout.toString('utf8');
  const tags: Release[] = [];
  const warnings: Warning[] = [];
  for (const line of output.split('\n').filter(Boolean)) {
    const [name, type, object, peeledType, peeled, date] = line.split('\0') as [string, string, string, string, string, string];
    if (!pattern.test(name)) continue;
    const commit = type === 'commit' ? object : type === 'tag' && peeledType === 'commit' ? peeled : undefined;
    if (!commit || !OBJECT_ID.test(commit) || !/^\d+$/.test(date ?? '')) {
      warnings.push({ file: `refs/tags/${name}`, code: 'delivery-tag-not-commit', message: `tag "${name}" points at ${peeledType || type || 'nothing git can read'}, not a commit; it is not counted as a release` });
      continue;
    }
    tags.push({ name, commit, time: Number(date), ...(versionOf(name) ? { version: versionOf(name) } : {}) });
  }
  return { tags, warnings };
}

/**
 * LOG_FORMAT's four fields with the author time and parents in the third: `git log` of HEAD and the release
 * commits, merges included, in one pass.
 */
const DELIVERY_FORMAT = '--format=%H%x00%ct%x00%at %P%x00%B%x00';
const TIME_AND_PARENTS = /^(\d+) ((?:[0-9a-f]{40}|[0-9a-f]{64})(?: [0-9a-f]{40}| [0-9a-f]{64})*)?$/;

/** The commits of HEAD and of every tag, merges included, in one pass; and HEAD's commit, read beside it. */
export async function readDeliveryLog(root: string): Promise<{ head: string; commits: DeliveryCommit[] }> {
  const args = ['log', '-z', '--name-status', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-show-signature', DELIVERY_FORMAT, '--tags', '--end-of-options', 'HEAD', '--'];
  const commits: DeliveryCommit[] = [];
  const reading = streamLogOutput(root, args, (commit) => {
    const fields = TIME_AND_PARENTS.exec(commit.author);
    if (!fields) throw new Error(`git log gave a record it should not: ${JSON.stringify(commit.author.slice(0, 80))}`);
    const parents = fields[2]?.split(' ') ?? [];
    commits.push({ hash: commit.hash, parents, authorTime: Number(fields[1]), time: commit.time, message: commit.message, files: commit.files.map((file) => file.path) });
  }, { files: 'name-status' });
  const [head] = await Promise.all([gitOutput(root, ['rev-parse', '--verify', '--end-of-options', 'HEAD^{commit}']), reading]);
  return { head: head.stdout.toString('utf8').trim(), commits };
}

/**
 * Releases on HEAD's first-parent line (HEAD is the log's first commit), oldest first. A release is never before the
 * one it builds on: where a committer's clock ran behind, it takes its predecessor's time, so each release ships its
 * own commit rather than an earlier-dated descendant shipping it.
 */
function firstParentReleases(log: DeliveryLog, kind: 'merge' | 'commit'): Release[] {
  const byHash = new Map(log.commits.map((commit) => [commit.hash, commit]));
  const line: DeliveryCommit[] = [];
  for (let commit = byHash.get(log.head); commit; commit = byHash.get(commit.parents[0] ?? '')) if (kind === 'commit' || commit.parents.length > 1) line.push(commit);
  let time = -Infinity;
  return line.reverse().map((commit) => {
    time = Math.max(time, commit.time);
    return { name: `${kind} ${commit.hash.slice(0, 10)}`, commit: commit.hash, time };
  });
}

/** The merges on HEAD's first-parent line. */
export const mergeReleases = (log: DeliveryLog): Release[] => firstParentReleases(log, 'merge');

/** Every commit on HEAD's first-parent line: for teams that squash-merge, each commit on the default branch is a merged change. */
export const commitReleases = (log: DeliveryLog): Release[] => firstParentReleases(log, 'commit');

/** A release and what it shipped: the commits it was the first release to contain, the files they changed. */
export interface ShippedRelease extends Release {
  /** Each shipped commit's hours from its author date to the release, and the files it changed. */
  changes: Array<{ leadHours: number; files: string[] }>;
  files: Set<string>;
  /** The hashes of the commits it shipped (merges included). */
  commits: Set<string>;
  /** Why the release failed (a revert, a fix of what it changed, a patch release), or undefined; null while its window is open. */
  failure: string | undefined | null;
}

/** Releases in time order, one per commit (its earliest), each with the commits it was the first to contain. */
export function shippedReleases(releases: readonly Release[], log: readonly DeliveryCommit[]): ShippedRelease[] {
  const byHash = new Map(log.map((commit) => [commit.hash, commit]));
  const earliest = new Map<string, Release>();
  for (const release of releases) if (byHash.has(release.commit) && (earliest.get(release.commit)?.time ?? Infinity) > release.time) earliest.set(release.commit, release);
  const shipped = new Set<string>();
  return [...earliest.values()]
    .sort((a, b) => a.time - b.time)
    .map((release) => {
      const result: ShippedRelease = { ...release, changes: [], files: new Set(), commits: new Set(), failure: undefined };
      for (const stack = [release.commit]; stack.length > 0; ) {
        const commit = byHash.get(stack.pop()!);
        if (!commit || shipped.has(commit.hash)) continue;
        shipped.add(commit.hash);
        result.commits.add(commit.hash);
        stack.push(...commit.parents);
        if (commit.parents.length > 1) continue;
        if (commit.authorTime <= release.time) result.changes.push({ leadHours: (release.time - commit.authorTime) / 3600, files: commit.files });
        for (const file of commit.files) result.files.add(file);
      }
      return result;
    });
}

export const REVERT = /^Revert\b|\bThis reverts commit\b/;
const REVERTED = /\bThis reverts commit ([0-9a-f]{7,64})\b/g;

/** A revert undoes the release when it names a commit the release shipped, or, naming none, changes a file the release changed. */
function revertsRelease(commit: DeliveryCommit, release: ShippedRelease): boolean {
  if (!REVERT.test(commit.message)) return false;
  const named = [...commit.message.matchAll(REVERTED)].map((match) => match[1]!);
  if (named.length === 0) return commit.files.some((file) => release.files.has(file));
  return named.some((hash) => release.commits.has(hash) || (hash.length < 40 && [...release.commits].some((shipped) => shipped.startsWith(hash))));
}

export interface FailureRules {
  fixPattern: Pattern;
  windowDays: number;
  nowSeconds: number;
}

/** Marks each release whose window has closed as failed (with the reason) or not, from the commits and releases after it. */
export function judgeReleases(releases: ShippedRelease[], log: readonly DeliveryCommit[], rules: FailureRules): void {
  const window = rules.windowDays * DAY_SECONDS;
  const byTime = [...log].sort((a, b) => a.time - b.time);
  const fixes = new Map<DeliveryCommit, boolean>();
  const isFix = (commit: DeliveryCommit): boolean => fixes.get(commit) ?? fixes.set(commit, rules.fixPattern.test(commit.message)).get(commit)!;
  for (const release of releases) {
    const end = release.time + window;
    if (end > rules.nowSeconds) {
      release.failure = null;
      continue;
    }
    const after: DeliveryCommit[] = [];
    for (let at = firstAfter(byTime, release.time); at < byTime.length && byTime[at]!.time <= end; at++) if (byTime[at]!.parents.length <= 1) after.push(byTime[at]!);
    const revert = after.find((commit) => revertsRelease(commit, release));
    const fix = after.find((commit) => commit.files.some((file) => release.files.has(file)) && isFix(commit));
    const patch = releases.find((other) => other.time > release.time && other.time <= end && isPatchOf(other, release));
    release.failure = revert ? `reverted by ${revert.hash.slice(0, 10)}` : fix ? `fixed by ${fix.hash.slice(0, 10)}` : patch ? `patched by ${patch.name}` : undefined;
  }
}

/** The index of the first commit (in time order) after `seconds`. */
function firstAfter(byTime: readonly DeliveryCommit[], seconds: number): number {
  let low = 0;
  let high = byTime.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byTime[middle]!.time > seconds) high = middle;
    else low = middle + 1;
  }
  return low;
}

const isPatchOf = (later: Release, release: Release): boolean =>
  !!later.version && !!release.version && later.version[0] === release.version[0] && later.version[1] === release.version[1] && later.version[2] > release.version[2];

/** An incident's time to restore, from its date to its `resolved` timestamp. */
export interface Restore {
  id: string;
  resolvedSeconds: number;
  hours: number;
}

/** The incidents with a usable `resolved` time; each unusable one is a warning naming it and is left out. */
export function restoresOf(incidents: readonly Incident[], nowSeconds: number): { restores: Restore[]; warnings: Warning[] } {
  const restores: Restore[] = [];
  const warnings: Warning[] = [];
  const warn = (incident: Incident, problem: string) => warnings.push({ file: INCIDENTS_FILE, code: 'incident-bad-resolved', message: `incident ${incident.id}: "resolved" ${problem}; it is left out of time to restore` });
  for (const incident of incidents) {
    if (incident.resolved === undefined) continue;
    const resolvedMs = typeof incident.resolved === 'string' && /^\d{4}-\d{2}-\d{2}/.test(incident.resolved) ? Date.parse(incident.resolved) : Number.NaN;
    const dateMs = Date.parse(incident.date);
    if (Number.isNaN(resolvedMs)) warn(incident, `${JSON.stringify(incident.resolved).slice(0, 60)} is not a date`);
    else if (resolvedMs < dateMs) warn(incident, `${incident.resolved as string} is before its date ${incident.date}`);
    else if (resolvedMs > nowSeconds * 1000) warn(incident, `${incident.resolved as string} is in the future`);
    else restores.push({ id: incident.id, resolvedSeconds: Math.floor(resolvedMs / 1000), hours: (resolvedMs - dateMs) / 3_600_000 });
  }
  return { restores, warnings };
}

/** Linear interpolation between closest ranks (the spreadsheet PERCENTILE). */
export function percentile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

const hoursText = (hours: number): string => `${Math.round(hours * 10) / 10} h`;

function timeFigure(samples: number[], minSample: number, what: string): DeliveryFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return { status: 'no-data', value: null, p85: null, sample: 0, terms: `no ${what}` };
  if (sorted.length < minSample) return { status: 'not-enough-data', value: null, p85: null, sample: sorted.length, terms: `${sorted.length} ${what}, fewer than ${minSample}` };
  const median = percentile(sorted, 0.5);
  const p85 = percentile(sorted, 0.85);
  return { status: 'ok', value: median, p85, sample: sorted.length, terms: `median ${hoursText(median)}, p85 ${hoursText(p85)} of ${sorted.length} ${what}` };
}

export interface Period {
  fromSeconds: number;
  toSeconds: number;
}

export interface DeliveryInput {
  releases: readonly ShippedRelease[];
  restores: readonly Restore[];
  minSample: number;
  windowDays: number;
  nowSeconds: number;
}

const releasesIn = (period: Period, releases: readonly ShippedRelease[]): ShippedRelease[] => releases.filter((release) => release.time >= period.fromSeconds && release.time < period.toSeconds);

function failureFigure(releases: readonly ShippedRelease[], input: DeliveryInput): DeliveryFigure {
  const judged = releases.filter((release) => release.failure !== null);
  const failed = judged.filter((release) => release.failure !== undefined).length;
  if (judged.length === 0) return { status: 'no-data', value: null, sample: 0, terms: `no release whose ${input.windowDays}-day window has closed` };
  if (judged.length < input.minSample) return { status: 'not-enough-data', value: null, sample: judged.length, terms: `${judged.length} releases judged, fewer than ${input.minSample}` };
  return { status: 'ok', value: failed / judged.length, sample: judged.length, terms: `${failed} of ${judged.length} releases followed within ${input.windowDays} days by a revert, a fix of what they changed or a patch release` };
}

/**
 * Lead time from author date to first release. When most commits were authored the second they were released, the
 * history was squash-merged or rebased at merge and git does not hold when their work began: no data, saying so.
 */
function leadTimeFigure(releases: readonly ShippedRelease[], input: DeliveryInput, keep: (files: string[]) => boolean = () => true, what = 'commits from author date to first release'): DeliveryFigure {
  const hours = releases.flatMap((release) => release.changes.filter((change) => keep(change.files)).map((change) => change.leadHours));
  const unmeasured = hours.filter((lead) => lead === 0).length;
  if (unmeasured * 2 <= hours.length || hours.length < input.minSample) return timeFigure(hours, input.minSample, what);
  return { status: 'no-data', value: null, p85: null, sample: hours.length, terms: `${unmeasured} of ${hours.length} ${what} were authored the second they were released (squash-merged or rebased at merge): git does not hold when their work began` };
}

/** The four figures over one period: releases, shipped commits and restores that fall in it. */
export function figuresOf(period: Period, input: DeliveryInput): DeliveryFigures {
  const releases = releasesIn(period, input.releases);
  const weeks = Math.max(0, Math.min(period.toSeconds, input.nowSeconds) - period.fromSeconds) / WEEK_SECONDS;
  const deploymentFrequency: DeliveryFigure =
    input.releases.length === 0 || weeks === 0
      ? { status: 'no-data', value: null, sample: 0, terms: input.releases.length === 0 ? 'no releases in the history' : 'the period has not started' }
      : { status: 'ok', value: releases.length / weeks, sample: releases.length, terms: `${releases.length} releases / ${Math.round(weeks * 10) / 10} weeks` };
  const restores = input.restores.filter((restore) => restore.resolvedSeconds >= period.fromSeconds && restore.resolvedSeconds < period.toSeconds);
  return {
    deploymentFrequency,
    leadTimeHours: leadTimeFigure(releases, input),
    changeFailureRate: failureFigure(releases, input),
    timeToRestoreHours: timeFigure(restores.map((restore) => restore.hours), input.minSample, 'resolved incidents'),
  };
}

export function debtSplitOf(period: Period, input: DeliveryInput, topFiles: ReadonlySet<string>): DebtSplit {
  const releases = releasesIn(period, input.releases);
  const touches = (files: Iterable<string>) => [...files].some((file) => topFiles.has(file));
  const side = (touched: boolean) => ({
    leadTimeHours: leadTimeFigure(releases, input, (files) => touches(files) === touched, touched ? 'commits touching top-interest files' : 'commits touching none'),
    changeFailureRate: failureFigure(
      releases.filter((release) => touches(release.files) === touched),
      input,
    ),
  });
  return { touched: side(true), rest: side(false) };
}

/** The figures per sprint (the team calendar's) and over all of them, the releases they come from, and what was left out. */
export interface DeliveryReport {
  /** Where the releases came from: matching tags, or merges to HEAD's branch when there are none, or what the team chose. */
  releasesFrom: ReleaseSource;
  releases: Array<{ name: string; commit: string; date: string; commits: number; judged: boolean; failure: string | null }>;
  sprints: Array<{ sprint: number; start: string; end: string; figures: DeliveryFigures; debt?: DebtSplit }>;
  overall: { start: string; end: string; figures: DeliveryFigures; debt?: DebtSplit };
  /** The files counted as top-interest in `debt`: the costliest tenth of the files that cost anything. */
  topFiles?: string[];
  warnings: Warning[];
}
