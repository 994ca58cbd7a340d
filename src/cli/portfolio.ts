import { buildPortfolio, type BuildOptions, type Portfolio } from '../core/portfolio/build';
import { historyScorer } from '../core/scoring/historyScorer';
import { terminalProgress, UsageError, type OptionValues } from './command';

/** Options every portfolio command takes. */
export const COMMON_OPTIONS = {
  'no-git': { type: 'boolean', default: false },
} as const;

export const COMMON_USAGE = `  --no-git              no git at all: list files by walking, no history
  -h, --help            show this help`;

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

/** Scans, scores, reconciles and plans the folder named by the one positional (default: here). */
export async function loadPortfolio(values: OptionValues, positionals: string[], options: Partial<BuildOptions> = {}): Promise<Portfolio> {
  if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
  const progress = terminalProgress('scanning');
  try {
    return await buildPortfolio(positionals[0] ?? '.', { noGit: values['no-git'] === true, scorer: historyScorer(), ...options }, { onProgress: progress.onProgress });
  } finally {
    progress.end();
  }
}

export function printNotices(portfolio: Portfolio): void {
  for (const notice of portfolio.notices) process.stderr.write(`debt-portfolio: ${notice}\n`);
}
