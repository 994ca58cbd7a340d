import { tagMatcher } from '../annotations';
import { resolveCommit } from '../git/snapshot';
import { checkGate, type GateResult } from '../portfolio/gate';
import { buildPortfolio, type BuildOptions, type Portfolio } from './build';
import type { ScanHooks } from './scanFolder';
import { scanCommit } from './scanCommit';

export interface CheckOptions extends Omit<BuildOptions, 'record'> {
  /** A ref to compare with: annotations new since it must carry META. */
  base?: string;
  /** Interest budget (h/sprint); the team config's interestBudget when absent. */
  maxInterest?: number;
}

/**
 * The CI gate: the folder's portfolio (nothing recorded) against the base commit's items, found as the folder's
 * are (TS/JS comments from the parse when complexity is on), and the interest budget.
 */
export async function checkFolder(rootPath: string, options: CheckOptions, hooks: ScanHooks = {}): Promise<{ portfolio: Portfolio; gate: GateResult }> {
  const portfolio = await buildPortfolio(rootPath, { ...options, record: false }, hooks);
  const { root } = portfolio.scan;
  const config = portfolio.config;
  const base = options.base === undefined ? undefined : await scanCommit(root, await resolveCommit(root, options.base), config, { tags: tagMatcher(options.tags ?? config.tags), parse: portfolio.settings.complexity });
  for (const warning of base?.warnings ?? []) portfolio.notices.push(`${warning.file} at ${options.base}: ${warning.message}`);
  const gate = checkGate(portfolio.scan.items, base?.items, portfolio.view.totals.interest, options.maxInterest ?? config.interestBudget);
  return { portfolio, gate };
}
