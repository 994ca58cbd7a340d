import { buildPortfolio } from '../../src/core/pipeline/build';
import { historyScorer } from '../../src/core/pipeline/historyScorer';
import { dashboardModelOf } from '../../src/cli/dashboardModel';
import type { DashboardModel } from '../../src/shared/dashboard';
import { numberedLines } from './builders';
import { ScriptedRepo } from './gitRepo';
import { git, writeFiles } from './tempDir';

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d+Z$/, 'Z');

const annotated = (tag: string, text: string, body: string): string => `// ${tag}: ${text}\n${body}`;

/**
 * A team's repository a brief can say everything about: annotated files with costs, a calendar, release tags every
 * two weeks over the last three months, and a history older than 180 days whose fixes after the back-test's origin
 * landed in a big file nothing had touched before (so ranking by size beats ours).
 */
export function buildBriefRepository(root: string, titles: { hot: string; slow: string; pay: string; idle: string } = { hot: 'untangle the parser', slow: 'rewrite the retry loop', pay: 'cache the lookup', idle: 'rename the helpers' }): void {
  const repo = new ScriptedRepo(root);
  const files = (round: number): Record<string, string> => ({
    'src/hot.ts': annotated('TODO(effort=2h)', titles.hot, numberedLines(60, `hot${round}`)),
    'src/slow.ts': annotated('HACK(effort=12h)', titles.slow, numberedLines(80, `slow${round}`)),
    'src/pay.ts': annotated('FIXME(effort=1h)', titles.pay, numberedLines(30, `pay${round}`)),
  });
  writeFiles(root, {
    '.debt/config.json': JSON.stringify({ firstSprintStart: '2025-01-06', capacityHours: 40, allocationPercent: 20, deliveryMinSample: 2 }),
    '.debt/incidents.json': JSON.stringify({ incidents: [{ id: 'INC-1', date: daysAgo(20), severity: 'SEV3', paths: ['src/slow.ts'], resolved: daysAgo(19) }] }),
  });
  repo.commit({ ...files(0), 'src/idle.ts': annotated('TODO(effort=1h)', titles.idle, numberedLines(20, 'idle')), 'src/big.ts': numberedLines(400, 'big'), 'src/small.ts': numberedLines(10, 'small') }, { date: daysAgo(230), message: 'start' });
  for (let k = 1; k <= 4; k++) repo.commit({ 'src/hot.ts': files(k)['src/hot.ts']! }, { date: daysAgo(225 - k * 5), message: `change hot ${k}` });
  repo.commit({ 'src/big.ts': numberedLines(400, 'big-fixed') }, { date: daysAgo(150), message: 'fix: big crashes' });
  repo.commit({ 'src/big.ts': numberedLines(400, 'big-fixed-again') }, { date: daysAgo(120), message: 'fix: big again' });
  for (let day = 84, round = 10; day >= 2; day -= 3, round++) {
    const changed = round % 3 === 0 ? ['src/hot.ts', 'src/slow.ts'] : round % 3 === 1 ? ['src/slow.ts'] : ['src/hot.ts', 'src/pay.ts'];
    const commit = repo.commit(Object.fromEntries(changed.map((file) => [file, files(round)[file]!])), { date: daysAgo(day), message: round % 4 === 0 ? `fix: ${changed.join(' ')}` : `work ${round}` });
    if (round % 5 === 0) git(root, ['tag', '-a', `v1.${round}.0`, '-m', 'release', commit], { GIT_COMMITTER_DATE: daysAgo(day - 1) });
  }
}

/** The dashboard's model of a folder, as the CLI builds it for its pages. */
export async function briefModelOf(root: string, options: { noGit?: boolean; backtest?: boolean } = {}): Promise<DashboardModel> {
  const portfolio = await buildPortfolio(root, { noGit: options.noGit === true, scorer: historyScorer(), configOverrides: {} });
  return dashboardModelOf(portfolio, { backtest: options.backtest !== false, asOf: false });
}
