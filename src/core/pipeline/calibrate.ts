import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONFIG_FILE, type TeamConfig } from '../config';
import { writeFileAtomic } from '../store/jsonFile';
import { parseJsonText } from '../text/json';
import { DEFAULT_BACKTEST, evaluateBacktest, prepareBacktest, type BacktestOptions, type Capture, type PreparedBacktest } from './backtest';

/** The model's free constants calibration chooses, and the values it tries for each. */
export const FREE_CONSTANTS = {
  halfLifeDays: [45, 90, 180],
  hoursPerFix: [2, 6, 12],
  penaltyMidpoint: [5, 15, 50],
  priorChangesPerSprint: [0.06, 0.12, 0.25],
} as const satisfies Partial<Record<keyof TeamConfig, readonly number[]>>;

export type Constants = { [K in keyof typeof FREE_CONSTANTS]: number };

export interface Calibration {
  /** Origins the constants were fitted on, and the latest one they were not. */
  fittedOn: string[];
  heldOut: string | null;
  current: Constants;
  fitted: Constants;
  /** The model's capture on the held-out origin with the current constants and with the fitted ones. */
  before: Capture | null;
  after: Capture | null;
  /** True when the fitted constants are no worse on either metric of the held-out origin, and differ from the current. */
  improves: boolean;
  /** One line each: what was measured and what it means. */
  verdict: string;
  notes: string[];
}

const score = (c: Capture): number => ((c.top10 ?? 0) + (c.effortAware ?? 0)) / 2;
const constantsOf = (config: TeamConfig): Constants => Object.fromEntries(Object.keys(FREE_CONSTANTS).map((k) => [k, config[k as keyof Constants]])) as Constants;

/** Every combination of the values FREE_CONSTANTS lists. */
const grid = (): Constants[] =>
  (Object.keys(FREE_CONSTANTS) as Array<keyof Constants>).reduce<Array<Partial<Constants>>>((combos, key) => combos.flatMap((combo) => FREE_CONSTANTS[key].map((value) => ({ ...combo, [key]: value }))), [{}]) as Constants[];

/** The model's mean capture score over some prepared origins with some constants. */
async function fitScore(prepared: PreparedBacktest, config: TeamConfig, options: Pick<BacktestOptions, 'seed' | 'signal'>): Promise<number> {
  const result = await evaluateBacktest(prepared, config, options);
  const known = result.origins.filter((o) => o.captures.model.top10 !== null);
  return known.length ? known.reduce((sum, o) => sum + score(o.captures.model), 0) / known.length : Number.NEGATIVE_INFINITY;
}

/** Which metrics the fitted constants lost on. */
function worseIn(before: Capture, after: Capture): string {
  const worse = [(after.top10 ?? 0) < (before.top10 ?? 0) ? 'top-10% capture' : '', (after.effortAware ?? 0) < (before.effortAware ?? 0) ? 'effort-aware capture' : ''].filter(Boolean);
  return worse.length ? worse.join(' and ') : 'the two metrics together';
}

const pct = (value: number | null | undefined): string => (value === null || value === undefined ? 'no fix commits to predict' : `${Math.round(value * 1000) / 10}%`);

/**
 * Fits the free constants on every origin but the latest (a grid search on the mean of top-10% and effort-aware
 * capture) and reports both the current and the fitted constants on the latest origin, which the fit never saw.
 */
export async function calibrate(root: string, config: TeamConfig, options: BacktestOptions = DEFAULT_BACKTEST): Promise<Calibration> {
  const prepared = await prepareBacktest(root, config, options);
  const current = constantsOf(config);
  const fitting = prepared.origins.filter((o) => o.fixCommits > 0);
  const heldOut = fitting.at(-1);
  const training = { ...prepared, origins: fitting.slice(0, -1) };
  const base = { current, fitted: current, before: null, after: null, improves: false, notes: prepared.notes };
  if (!heldOut || training.origins.length === 0) {
    return { ...base, fittedOn: [], heldOut: heldOut?.date ?? null, verdict: `calibration needs at least two origins with fix commits to predict, and found ${fitting.length}: nothing fitted` };
  }
  let best = { constants: current, score: await fitScore(training, config, options) };
  for (const constants of grid()) {
    const fit = await fitScore(training, { ...config, ...constants }, options);
    if (fit > best.score + 1e-12) best = { constants, score: fit };
  }
  const held = { ...prepared, origins: [heldOut] };
  const before = (await evaluateBacktest(held, config, options)).origins[0]!.captures.model;
  const after = (await evaluateBacktest(held, { ...config, ...best.constants }, options)).origins[0]!.captures.model;
  const changed = Object.keys(current).some((k) => current[k as keyof Constants] !== best.constants[k as keyof Constants]);
  const noWorse = (after.top10 ?? 0) >= (before.top10 ?? 0) && (after.effortAware ?? 0) >= (before.effortAware ?? 0);
  const improves = changed && noWorse && score(after) > score(before);
  const figures = `top-10% ${pct(before.top10)} → ${pct(after.top10)}, effort-aware ${pct(before.effortAware)} → ${pct(after.effortAware)}`;
  const verdict = !changed
    ? `the current constants fit the earlier origins best: nothing to change (held-out ${heldOut.date}: top-10% ${pct(before.top10)}, effort-aware ${pct(before.effortAware)})`
    : improves
      ? `fitted on ${training.origins.map((o) => o.date).join(', ')}; on the held-out origin ${heldOut.date}: ${figures}`
      : `the constants fitted on the earlier origins did worse on the held-out origin ${heldOut.date} in ${worseIn(before, after)} (${figures}): the current constants stay`;
  return { ...base, fittedOn: training.origins.map((o) => o.date), heldOut: heldOut.date, fitted: best.constants, before, after, improves, verdict };
}

/** Writes fitted constants into `.debt/config.json`, keeping every other key, with a note of the evidence. Refuses a config it cannot read as a JSON object. */
export async function writeCalibration(root: string, calibration: Calibration, today: string): Promise<void> {
  if (!calibration.improves) throw new Error('the fitted constants are not better on the held-out origin: nothing is written');
  const file = path.join(root, CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (text !== undefined) {
    const parsed = parseJsonText(text);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) throw new Error(`${CONFIG_FILE}: ${parsed.ok ? 'not a JSON object' : parsed.problem}; nothing is written`);
    raw = parsed.value as Record<string, unknown>;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const note = `calibrated ${today} by debt-portfolio calibrate: ${calibration.verdict}`;
  await writeFileAtomic(file, `${JSON.stringify({ ...raw, ...calibration.fitted, calibration: note }, null, 2)}\n`);
}
