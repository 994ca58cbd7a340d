import type { DashboardBacktest } from '../../shared/dashboard';
import { tagMatcher } from '../annotations';
import type { TeamConfig } from '../config';
import { gitOutput } from '../git/run';
import { streamLog, type LogCommit } from '../history/gitLog';
import { isBulk, readHistory, type History } from '../history/history';
import { loadIncidents } from '../history/incidents';
import { thresholdsOf } from './fileItems';
import { historySettingsOf } from './historyScorer';
import { scanCommit, type CommitScan } from './scanCommit';
import type { ScanCache } from '../cache/scanCacheFile';
import { scoringInputsOf, type ScoringGround } from './scoringInput';

const DAY = 86_400;
export const RANKINGS = ['model', 'churn', 'size', 'churnSize', 'random'] as const;
export type Ranking = (typeof RANKINGS)[number];

export interface BacktestOptions {
  /** How many origins (default 4). */
  origins: number;
  /** Days between origins, and days after each origin whose fix commits are predicted (90: a quarter). */
  spacingDays: number;
  horizonDays: number;
  /** The newest origin is this many days before the end (default 180: two quarters back). */
  endOffsetDays: number;
  /** The commit the back-test ends at (default HEAD). */
  endRef?: string;
  /** Seed of the random baseline. */
  seed: number;
  signal?: AbortSignal;
}

export const DEFAULT_BACKTEST: BacktestOptions = { origins: 4, spacingDays: 90, horizonDays: 90, endOffsetDays: 180, seed: 1 };

/** What a ranking captured of the fix touches after an origin: null when there were none to predict. */
export interface Capture {
  /** Share of fix touches in the top 10% of files. */
  top10: number | null;
  /** Share of fix touches in the files taken in order of score per principal hour until 20% of all lines. */
  effortAware: number | null;
}

export interface OriginResult {
  date: string;
  commit: string;
  files: number;
  lines: number;
  fixCommits: number;
  fixTouches: number;
  captures: Record<Ranking, Capture>;
}

export interface Backtest {
  version: 1;
  origins: OriginResult[];
  /** Mean of each metric over the origins that had fix commits to predict; null when none had. */
  means: Record<Ranking, Capture>;
  /** Origins that could not run, and why (too little history). */
  notes: string[];
}

/** One file at an origin: its model scores, baseline figures and the fix touches it got after. */
export interface RankedFile {
  file: string;
  lines: number;
  /** Model interest (h/sprint) and principal (h). */
  interest: number;
  principal: number;
  commits: number;
  touches: number;
}

/** A small seeded generator (mulberry32) for the random baseline: the same seed, the same order. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Fix touches captured when files are taken best score first until `budget` (a count of files, or of lines) is
 * spent; files of equal score are taken as a group, a group that does not fit counts in proportion (the expected
 * capture in a random order among the tie), so no tie-break favours anyone.
 */
function captured(files: readonly RankedFile[], score: (f: RankedFile) => number, cost: (f: RankedFile) => number, budget: number): number {
  const sorted = [...files].sort((a, b) => score(b) - score(a));
  let left = budget;
  let touches = 0;
  for (let start = 0; start < sorted.length && left > 0; ) {
    let end = start;
    while (end < sorted.length && score(sorted[end]!) === score(sorted[start]!)) end++;
    const group = sorted.slice(start, end);
    const groupCost = group.reduce((sum, f) => sum + cost(f), 0);
    const groupTouches = group.reduce((sum, f) => sum + f.touches, 0);
    const part = groupCost <= left ? 1 : left / groupCost;
    touches += groupTouches * part;
    left -= groupCost * part;
    start = end;
  }
  return touches;
}

/** Each ranking's score for the top-10% metric, and for the effort-aware one (the model: interest per principal hour). */
function scoresOf(seed: number): Record<Ranking, { top: (f: RankedFile) => number; effort: (f: RankedFile) => number }> {
  const random = seededRandom(seed);
  const draws = new Map<string, number>();
  const draw = (f: RankedFile) => draws.get(f.file) ?? draws.set(f.file, random()).get(f.file)!;
  return {
    model: { top: (f) => f.interest, effort: (f) => f.interest / f.principal },
    churn: { top: (f) => f.commits, effort: (f) => f.commits },
    size: { top: (f) => f.lines, effort: (f) => f.lines },
    churnSize: { top: (f) => f.commits * f.lines, effort: (f) => f.commits * f.lines },
    random: { top: draw, effort: draw },
  };
}

/** Top-10% and effort-aware capture of every ranking over one origin's files. */
export function capturesOf(files: readonly RankedFile[], seed: number): Record<Ranking, Capture> {
  const total = files.reduce((sum, f) => sum + f.touches, 0);
  const lines = files.reduce((sum, f) => sum + f.lines, 0);
  const topCount = Math.ceil(files.length * 0.1);
  const scores = scoresOf(seed);
  const one = (ranking: Ranking): Capture => {
    if (total === 0) return { top10: null, effortAware: null };
    const { top, effort } = scores[ranking];
    return { top10: captured(files, top, () => 1, topCount) / total, effortAware: captured(files, effort, (f) => f.lines, lines * 0.2) / total };
  };
  return Object.fromEntries(RANKINGS.map((ranking) => [ranking, one(ranking)])) as Record<Ranking, Capture>;
}

/** Fix commits in (from, to], oldest first, with each touched path taken back to its name at `from` (renames followed). */
async function fixTouchesAfter(root: string, end: string, from: number, to: number, config: TeamConfig, signal?: AbortSignal): Promise<{ commits: number; touches: Map<string, number> }> {
  const settings = historySettingsOf(config);
  const after: LogCommit[] = [];
  await streamLog(root, end, from + 1, (commit) => (commit.time > from && commit.time <= to ? after.push(commit) : undefined), { signal });
  const originalName = new Map<string, string>();
  const touches = new Map<string, number>();
  let commits = 0;
  for (const commit of after.reverse()) {
    const fix = settings.fixPattern.test(commit.message) && !isBulk(commit, settings);
    if (fix) commits++;
    for (const file of commit.files) {
      if (file.renamedFrom !== undefined) originalName.set(file.path, originalName.get(file.renamedFrom) ?? file.renamedFrom);
      const name = originalName.get(file.path) ?? file.path;
      if (fix) touches.set(name, (touches.get(name) ?? 0) + 1);
    }
  }
  return { commits, touches };
}

/** One origin, read once: the tree as it was (items and measures), the fix touches after it, and its histories by settings. */
export interface PreparedOrigin {
  /** The origin's day; `commit` is the last commit before it, `time` that commit's time (history ends there). */
  date: string;
  commit: string;
  time: number;
  scan: CommitScan;
  fixCommits: number;
  touches: Map<string, number>;
  histories: Map<string, ReadHistory>;
}

type ReadHistory = Extract<History, { available: true }>;

export interface PreparedBacktest {
  root: string;
  origins: PreparedOrigin[];
  notes: string[];
}

/** What of the config the history depends on: a history read with the same key is reused. */
const historyKey = (config: TeamConfig): string => `${config.historyWindowDays}:${config.halfLifeDays}:${config.fixPattern}:${config.incidentPattern}:${config.bulkCommitFiles}`;

/** The history before an origin, read once per history settings (calibration tries several half-lives). */
async function historyAt(root: string, origin: PreparedOrigin, config: TeamConfig, signal?: AbortSignal): Promise<ReadHistory> {
  const key = historyKey(config);
  const known = origin.histories.get(key);
  if (known) return known;
  const history = await readHistory(root, historySettingsOf(config), { asOfRef: origin.commit, signal });
  if (!history.available) throw new Error(history.reason);
  origin.histories.set(key, history);
  return history;
}

/** Every source file at an origin as the model ranks it (the same health records `scan` computes) and as the baselines see it. */
async function rankedFilesAt(root: string, origin: PreparedOrigin, config: TeamConfig, signal?: AbortSignal): Promise<RankedFile[]> {
  const history = await historyAt(root, origin, config, signal);
  const { items, measures } = origin.scan;
  const ground: ScoringGround = { config, history, incidents: loadIncidents(root).incidents, asOfMs: history.asOf * 1000, measures, linesOf: () => 0 };
  const health = scoringInputsOf(items, ground).health.filter((h) => measures.has(h.file));
  const commits = (file: string) => history.files.get(file)?.commits ?? 0;
  return health.map((h) => ({ file: h.file, lines: h.lines, interest: h.interest, principal: h.principal, commits: commits(h.file), touches: origin.touches.get(h.file) ?? 0 }));
}

async function commitAt(root: string, end: string, time: number): Promise<string | null> {
  const listed = await gitOutput(root, ['rev-list', '-1', `--before=${time}`, '--end-of-options', end, '--']);
  const commit = listed.stdout.toString().trim();
  return /^[0-9a-f]{40,64}$/.test(commit) ? commit : null;
}

const isoDay = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 10);

function meansOf(origins: readonly OriginResult[]): Record<Ranking, Capture> {
  const mean = (values: Array<number | null>) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
  };
  return Object.fromEntries(RANKINGS.map((r) => [r, { top10: mean(origins.map((o) => o.captures[r].top10)), effortAware: mean(origins.map((o) => o.captures[r].effortAware)) }])) as Record<Ranking, Capture>;
}

/**
 * Reads what every origin needs once: the origins (a quarter apart, the newest `endOffsetDays` before the end),
 * each one's tree (every source file, parsed as a scan parses it) and the fix commits after it. Origins with no
 * history before them are skipped with a note that says how much history there is.
 */
export async function prepareBacktest(root: string, config: TeamConfig, options: BacktestOptions = DEFAULT_BACKTEST): Promise<PreparedBacktest> {
  const end = (await gitOutput(root, ['rev-parse', '--verify', '--end-of-options', `${options.endRef ?? 'HEAD'}^{commit}`])).stdout.toString().trim();
  const endTime = Number((await gitOutput(root, ['show', '-s', '--no-show-signature', '--format=%ct', '--end-of-options', end])).stdout.toString().trim());
  const firstTime = Number((await gitOutput(root, ['log', '--reverse', '--format=%ct', '--end-of-options', end, '--'])).stdout.toString().split('\n')[0]);
  const prepared: PreparedBacktest = { root, origins: [], notes: [] };
  const cache = new Map() as ScanCache;
  const context = { tags: tagMatcher(config.tags), parse: true, hotspots: thresholdsOf(config) };
  const span = Math.floor((endTime - firstTime) / DAY);
  for (let k = options.origins - 1; k >= 0; k--) {
    const at = endTime - (options.endOffsetDays + k * options.spacingDays) * DAY;
    const commit = at > firstTime ? await commitAt(root, end, at) : null;
    if (!commit) {
      prepared.notes.push(`origin ${isoDay(at)} skipped: the history has ${span} days (${isoDay(firstTime)} to ${isoDay(endTime)}), none before it`);
      continue;
    }
    options.signal?.throwIfAborted();
    const time = Number((await gitOutput(root, ['show', '-s', '--no-show-signature', '--format=%ct', '--end-of-options', commit])).stdout.toString().trim());
    const scan = await scanCommit(root, commit, config, context, { cache });
    const fixes = await fixTouchesAfter(root, end, time, at + options.horizonDays * DAY, config, options.signal);
    prepared.origins.push({ date: isoDay(at), commit, time, scan, fixCommits: fixes.commits, touches: fixes.touches, histories: new Map() });
  }
  return prepared;
}

/** Scores every ranking at every prepared origin with `config` (the model's constants; calibration varies them). */
export async function evaluateBacktest(prepared: PreparedBacktest, config: TeamConfig, options: Pick<BacktestOptions, 'seed' | 'signal'> = DEFAULT_BACKTEST): Promise<Backtest> {
  const origins: OriginResult[] = [];
  for (const [index, origin] of prepared.origins.entries()) {
    const files = await rankedFilesAt(prepared.root, origin, config, options.signal);
    origins.push({
      date: origin.date,
      commit: origin.commit,
      files: files.length,
      lines: files.reduce((sum, f) => sum + f.lines, 0),
      fixCommits: origin.fixCommits,
      fixTouches: files.reduce((sum, f) => sum + f.touches, 0),
      captures: capturesOf(files, options.seed + index),
    });
  }
  return { version: 1, origins, means: meansOf(origins), notes: prepared.notes };
}

/**
 * Rolling-origin back-test (issue 13): at each origin the files are ranked from the tree and the history before it
 * only, and each ranking is scored by where the fix commits of the next `horizonDays` landed, beside the churn,
 * size, churn × size and random baselines.
 */
export async function backtest(root: string, config: TeamConfig, options: BacktestOptions = DEFAULT_BACKTEST): Promise<Backtest> {
  return evaluateBacktest(await prepareBacktest(root, config, options), config, options);
}

export const RANKING_NAMES: Record<Ranking, string> = { model: 'our ranking', churn: 'churn', size: 'size', churnSize: 'churn × size', random: 'random' };
export const NO_FIXES = 'no fix commits to predict';

export const percent = (value: number | null): string => (value === null ? NO_FIXES : `${Math.round(value * 1000) / 10}%`);

/** Where a baseline did better than our ranking on a metric's mean, said plainly; one line per metric. */
export function baselineVerdicts(result: Backtest): string[] {
  const lines: string[] = [];
  for (const metric of ['top10', 'effortAware'] as const) {
    const ours = result.means.model[metric];
    const label = metric === 'top10' ? 'top-10% capture' : 'effort-aware capture';
    if (ours === null) {
      lines.push(`${label}: ${NO_FIXES}`);
      continue;
    }
    const better = RANKINGS.filter((r) => r !== 'model' && (result.means[r][metric] ?? -1) > ours);
    lines.push(better.length ? `${label}: ${better.map((r) => `${RANKING_NAMES[r]} (${percent(result.means[r][metric])})`).join(', ')} did better than our ranking (${percent(ours)})` : `${label}: our ranking (${percent(ours)}) did at least as well as every baseline`);
  }
  return lines;
}

/** The dashboard's back-test panel. */
export function backtestPanel(result: Backtest): DashboardBacktest {
  return {
    origins: result.origins.map((o) => o.date),
    rows: RANKINGS.map((r) => ({ ranking: RANKING_NAMES[r], ours: r === 'model', ...result.means[r] })),
    verdicts: result.origins.length ? baselineVerdicts(result) : ['no origin could run: too little history', ...result.notes],
  };
}
