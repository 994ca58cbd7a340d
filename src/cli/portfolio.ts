import path from 'node:path';
import { diskScanCache, type DiskScanCache } from '../core/cache/diskScanCache';
import { configValueProblem, loadConfig, type TeamConfig } from '../core/config';
import { historyOff } from '../core/history/history';
import { buildPortfolio, type BuildOptions, type Portfolio } from '../core/pipeline/build';
import { historyScorer } from '../core/pipeline/historyScorer';
import type { Warning } from '../core/model';
import { terminalProgress, UsageError, type OptionValues } from './command';

/** `--as-of`, on the commands that show a portfolio (scan, plan, export, report). */
export const AS_OF_OPTION = { 'as-of': { type: 'string' } } as const;

export const AS_OF_USAGE = `  --as-of <rev|date>    the portfolio as it was at a commit or a date (YYYY-MM-DD: the last commit before it): files
                        read from git, history ending there; nothing is recorded`;

/** Options every portfolio command takes. */
export const COMMON_OPTIONS = {
  'no-git': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  since: { type: 'string' },
} as const;

export const COMMON_USAGE = `  --since <span>        the history window, like 90d, 12w or 6m (default: historyWindowDays, 180 days)
  --no-git              no git at all: list files by walking, no history
  --no-cache            neither read nor write the scan cache (kept in the platform's cache folder,
                        or DEBT_PORTFOLIO_CACHE_DIR)
  -h, --help            show this help`;

const SPAN_DAYS = { d: 1, w: 7, m: 30, y: 365 } as const;

const MAX_SPAN_DAYS = 3650;

/** Days in a span like 90d, 12w, 6m or 1y, at most ten years (historyWindowDays' bound). */
export function spanDays(span: string): number {
  const m = /^(\d{1,4})([dwmy])$/.exec(span);
  if (!m || Number(m[1]) === 0) throw new UsageError(`--since must be a span like 90d, 12w, 6m or 1y, not "${span}"`);
  const days = Number(m[1]) * SPAN_DAYS[m[2] as keyof typeof SPAN_DAYS];
  if (days > MAX_SPAN_DAYS) throw new UsageError(`--since must be at most ${MAX_SPAN_DAYS} days (10y), as historyWindowDays, not "${span}"`);
  return days;
}

export function positiveNumber(values: OptionValues, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a non-negative number, not "${String(raw)}"`);
  return value;
}

type NumericConfigKey = { [K in keyof TeamConfig]: TeamConfig[K] extends number | null ? K : never }[keyof TeamConfig];

/** A numeric option that overrides a config key, held to that key's bounds: what the config would reject is a usage error. */
export function configNumber(values: OptionValues, option: string, key: NumericConfigKey): number | undefined {
  const raw = values[option];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
  const problem = Number.isNaN(value) ? 'not a number' : configValueProblem(key, value);
  if (problem) throw new UsageError(`--${option} "${String(raw)}": ${problem.toLowerCase()} (the bounds of ${key} in .debt/config.json)`);
  return value;
}

export function oneOf<T extends string>(values: OptionValues, name: string, allowed: readonly T[], fallback: T): T {
  const value = values[name] ?? fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${String(value)}"`);
  return value as T;
}

/** The one folder named by the positionals (default: here). */
export function folderOf(positionals: string[]): string {
  if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
  return positionals[0] ?? '.';
}

/** The build options every portfolio command's common options give. */
export function buildOptionsOf(values: OptionValues): BuildOptions {
  const configOverrides = typeof values.since === 'string' ? { historyWindowDays: spanDays(values.since) } : {};
  return { noGit: values['no-git'] === true, scorer: historyScorer(), configOverrides, ...(typeof values['as-of'] === 'string' ? { asOf: values['as-of'] } : {}) };
}

/**
 * Runs work with the folder's scan cache from the platform's cache folder (none with --no-cache): loaded before,
 * saved after the work succeeded; a cache that cannot be used or saved is one warning, never an error.
 */
export async function withScanCache<T>(values: OptionValues, folder: string, work: (cache: DiskScanCache | undefined) => Promise<T>): Promise<T> {
  if (values['no-cache'] === true) return work(undefined);
  const cache = await diskScanCache(path.resolve(folder));
  const warn = (warning: Warning | undefined) => warning && process.stderr.write(`debt-portfolio: ${warning.file}: ${warning.message}\n`);
  warn(await cache.load());
  const result = await work(cache);
  warn(await cache.save());
  return result;
}

/** Runs work with a progress line on a terminal. */
export async function withProgress<T>(work: (onProgress: ((done: number, total: number) => void) | undefined) => Promise<T>): Promise<T> {
  const progress = terminalProgress('scanning');
  try {
    return await work(progress.onProgress);
  } finally {
    progress.end();
  }
}

/**
 * Scans, scores, reconciles and plans the folder named by the one positional (default: here). A store that cannot
 * be saved (lock held, disk full, read-only folder) does not stop a command that shows (a notice says nothing is
 * saved); `status`, whose job is to save, asks for `record: true` and gets the error.
 */
export async function loadPortfolio(values: OptionValues, positionals: string[], options: Partial<BuildOptions> = {}): Promise<Portfolio> {
  const folder = folderOf(positionals);
  return withScanCache(values, folder, (cache) => withProgress((onProgress) => buildPortfolio(folder, { ...buildOptionsOf(values), cache, ...options }, { onProgress })));
}

/** Prints the notices and the config's rejected values, one line each on stderr. */
export function printNotices(portfolio: Portfolio): void {
  printConfigWarnings(portfolio.scan.warnings);
  for (const notice of portfolio.notices) process.stderr.write(`debt-portfolio: ${notice}\n`);
}

export function printConfigWarnings(warnings: readonly Warning[]): void {
  for (const w of warnings) if (w.code.startsWith('config-')) process.stderr.write(`debt-portfolio: ${w.file}: ${w.message}\n`);
}

/** The options of the commands that look back over past sprints in git (trend, delivery). */
export const PAST_SPRINTS_OPTIONS = { sprints: { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string' } } as const;

export const pastSprintsUsage = (key: 'trendSprints' | 'deliverySprints'): string => `  --sprints <n>         how many sprints (default: the team config's ${key}, 6)
  --format table|json   output format (default: table)
  --out <file>          write to a file instead of stdout
  -h, --help            show this help`;

/** What such a command reads first: one folder with git history, its config, `--format table|json`, `--sprints` held to `key`'s bounds. */
export async function pastSprintsInput(values: OptionValues, positionals: string[], key: 'trendSprints' | 'deliverySprints'): Promise<{ root: string; config: TeamConfig; format: 'table' | 'json'; sprints: number }> {
  if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
  const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
  const sprintsOption = configNumber(values, 'sprints', key);
  const root = path.resolve(positionals[0] ?? '.');
  const { config, warnings } = await loadConfig(root);
  printConfigWarnings(warnings);
  const off = await historyOff(root);
  if (off) throw new UsageError(off);
  return { root, config, format, sprints: sprintsOption ?? config[key] };
}
