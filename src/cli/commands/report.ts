import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TeamConfig } from '../../core/config';
import { toHtmlReport, type ReportAssets } from '../../core/export/html';
import { historyOff } from '../../core/history/history';
import { todayUtc, type Portfolio } from '../../core/pipeline/build';
import { backtest, backtestPanel } from '../../core/pipeline/backtest';
import { portfolioTrend } from '../../core/pipeline/trend';
import { toDashboardModel } from '../../core/portfolio/dashboardModel';
import type { DashboardBacktest } from '../../shared/dashboard';
import type { Command } from '../command';
import { writeOutput } from '../output';
import { AS_OF_OPTION, AS_OF_USAGE, COMMON_OPTIONS, COMMON_USAGE, loadPortfolio, printNotices } from '../portfolio';

/** The dashboard bundle and styles shipped beside the CLI (dist/webview.js, media/*.css). */
export function shippedAssets(): ReportAssets {
  return {
    script: readFileSync(path.join(__dirname, 'webview.js'), 'utf8'),
    styles: ['dashboard.css', 'report-themes.css'].map((file) => readFileSync(path.join(__dirname, '..', 'media', file), 'utf8')),
  };
}

/** The back-test panel, or one line saying why it could not run (the report is still written). */
async function backtestPanelOf(root: string, config: TeamConfig): Promise<DashboardBacktest> {
  try {
    return backtestPanel(await backtest(root, config));
  } catch (error) {
    return { origins: [], rows: [], verdicts: [`the back-test could not run: ${(error as Error).message}`] };
  }
}

/** The report page of a portfolio, with the trend (and, when asked, the back-test panel) read from git when git is on. */
export async function reportHtml(portfolio: Portfolio, git: boolean, options: { backtest?: boolean } = {}): Promise<string> {
  const root = portfolio.view.root;
  const { config } = portfolio;
  const trend = await portfolioTrend(root, config, { git, today: todayUtc() });
  const panel = git && options.backtest && !(await historyOff(root)) ? await backtestPanelOf(root, config) : null;
  return toHtmlReport(toDashboardModel(portfolio.view, { readOnly: true, notices: portfolio.notices, trend, backtest: panel }), shippedAssets());
}

export const reportCommand: Command = {
  summary: 'write the dashboard as one standalone HTML file',
  usage: `debt-portfolio report [dir] [options]

Writes the portfolio dashboard (plan, charts, items) as one HTML file that works offline.
It is read-only: a plan change shows the debt-portfolio command that makes it. With history on it holds the
panel "How well did this ranking predict the last quarters?" (debt-portfolio backtest).

Options:
  --out <file>          where to write it (default: debt-portfolio.html)
  --no-backtest         leave the back-test panel out (it reads the tree at four past commits)
${AS_OF_USAGE}
${COMMON_USAGE}`,
  options: { ...COMMON_OPTIONS, ...AS_OF_OPTION, out: { type: 'string', default: 'debt-portfolio.html' }, 'no-backtest': { type: 'boolean', default: false } },
  async run(values, positionals) {
    const portfolio = await loadPortfolio(values, positionals);
    printNotices(portfolio);
    await writeOutput(String(values.out), await reportHtml(portfolio, values['no-git'] !== true, { backtest: values['no-backtest'] !== true }));
    process.stdout.write(`wrote ${String(values.out)} (${portfolio.view.items.length} items)\n`);
    return 0;
  },
};
