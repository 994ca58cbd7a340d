import { buildPortfolio, type BuildOptions, type Portfolio } from '../core/portfolio/build';
import type { Warning } from '../core/model';
import { historyScorer } from '../core/scoring/historyScorer';
import { StoreError } from '../core/store/schema';
import { terminalProgress, UsageError, type OptionValues } from './command';

/** Options every portfolio command takes. */
export const COMMON_OPTIONS = {
  'no-git': { type: 'boolean', default: false },
  since: { type: 'string' },
} as const;

export const COMMON_USAGE = `  --since <span>        the history window, like 90d, 12w or 6m (default: historyWindowDays, 180 days)
  --no-git              no git at all: list files by walking, no history
  -h, --help            show this help`;

const SPAN_DAYS = { d: 1, w: 7, m: 30, y: 365 } as const;

/** Days in a span like 90d, 12w, 6m or 1y. */
export function spanDays(span: string): number {
  const m = /^(\d{1,4})([dwmy])$/.exec(span);
  if (!m || Number(m[1]) === 0) throw new UsageError(`--since must be a span like 90d, 12w, 6m or 1y, not "${span}"`);
  return Number(m[1]) * SPAN_DAYS[m[2] as keyof typeof SPAN_DAYS];
}

export function positiveNumber(values: OptionValues, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a non-negative number, not "${String(raw)}"`);
  return value;
}

export function oneOf<T extends string>(values: OptionValues, name: string, allowed: readonly T[], fallback: T): T {
  const value = values[name] ?? fallback;
  if (!allowed.includes(value as T)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${String(value)}"`);
  return value as T;
}

/**
 * Scans, scores, reconciles and plans the folder named by the one positional (default: here). A store that
 * cannot be saved (lock held, disk full, read-only folder) does not stop a command that shows: it is built
 * again without recording, with a notice; `status`, whose job is to save, reports it and exits 2.
 */
export async function loadPortfolio(values: OptionValues, positionals: string[], options: Partial<BuildOptions> = {}): Promise<Portfolio> {
  if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
  const progress = terminalProgress('scanning');
  try {
    const configOverrides = typeof values.since === 'string' ? { historyWindowDays: spanDays(values.since) } : {};
    const build = (record: Partial<BuildOptions>): Promise<Portfolio> =>
      buildPortfolio(positionals[0] ?? '.', { noGit: values['no-git'] === true, scorer: historyScorer(), configOverrides, ...options, ...record }, { onProgress: progress.onProgress });
    return await build({}).catch(async (error: unknown) => {
      if (!(error instanceof StoreError) || options.record) throw error;
      const portfolio = await build({ record: false });
      return { ...portfolio, notices: [...portfolio.notices, `${error.message}; nothing is saved`] };
    });
  } finally {
    progress.end();
  }
}

/** Prints the notices and the config's rejected values, one line each on stderr. */
export function printNotices(portfolio: Portfolio): void {
  printConfigWarnings(portfolio.scan.warnings);
  for (const notice of portfolio.notices) process.stderr.write(`debt-portfolio: ${notice}\n`);
}

export function printConfigWarnings(warnings: readonly Warning[]): void {
  for (const w of warnings) if (w.code.startsWith('config-')) process.stderr.write(`debt-portfolio: ${w.file}: ${w.message}\n`);
}
