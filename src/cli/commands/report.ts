import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toHtmlReport, type ReportAssets } from '../../core/export/html';
import { todayUtc, type Portfolio } from '../../core/pipeline/build';
import { portfolioTrend } from '../../core/pipeline/trend';
import { toDashboardModel } from '../../core/portfolio/dashboardModel';
import type { Command } from '../command';
import { writeOutput } from '../output';
import { COMMON_OPTIONS, COMMON_USAGE, loadPortfolio, printNotices } from '../portfolio';

/** The dashboard bundle and styles shipped beside the CLI (dist/webview.js, media/*.css). */
export function shippedAssets(): ReportAssets {
  return {
    script: readFileSync(path.join(__dirname, 'webview.js'), 'utf8'),
    styles: ['dashboard.css', 'report-themes.css'].map((file) => readFileSync(path.join(__dirname, '..', 'media', file), 'utf8')),
  };
}

/** The report page of a portfolio, with the trend read from git when git is on. */
export async function reportHtml(portfolio: Portfolio, git: boolean): Promise<string> {
  const trend = await portfolioTrend(portfolio.view.root, portfolio.config, { git, today: todayUtc() });
  return toHtmlReport(toDashboardModel(portfolio.view, { readOnly: true, notices: portfolio.notices, trend }), shippedAssets());
}

export const reportCommand: Command = {
  summary: 'write the dashboard as one standalone HTML file',
  usage: `debt-portfolio report [dir] [options]

Writes the portfolio dashboard (plan, charts, items) as one HTML file that works offline.
It is read-only: a plan change shows the debt-portfolio command that makes it.

Options:
  --out <file>          where to write it (default: debt-portfolio.html)
${COMMON_USAGE}`,
  options: { ...COMMON_OPTIONS, out: { type: 'string', default: 'debt-portfolio.html' } },
  async run(values, positionals) {
    const portfolio = await loadPortfolio(values, positionals);
    printNotices(portfolio);
    await writeOutput(String(values.out), await reportHtml(portfolio, values['no-git'] !== true));
    process.stdout.write(`wrote ${String(values.out)} (${portfolio.view.items.length} items)\n`);
    return 0;
  },
};
