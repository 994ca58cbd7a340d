import { readFileSync } from 'node:fs';
import path from 'node:path';
import { toHtmlReport, type ReportAssets } from '../../core/export/html';
import type { Portfolio } from '../../core/pipeline/build';
import type { Command } from '../command';
import { dashboardModelOf } from '../dashboardModel';
import { writeOutput } from '../output';
import { AS_OF_OPTION, AS_OF_USAGE, COMMON_OPTIONS, COMMON_USAGE, loadPortfolio, printNotices } from '../portfolio';

/** The dashboard bundle and styles shipped beside the CLI (dist/webview.js, media/*.css). */
export function shippedAssets(): ReportAssets {
  return {
    script: readFileSync(path.join(__dirname, 'webview.js'), 'utf8'),
    styles: ['dashboard.css', 'report-themes.css'].map((file) => readFileSync(path.join(__dirname, '..', 'media', file), 'utf8')),
  };
}

/** The report page of a portfolio: the dashboard's model as the CLI builds it, inline in one HTML file. */
export async function reportHtml(portfolio: Portfolio, options: { backtest: boolean; asOf: boolean }): Promise<string> {
  return toHtmlReport(await dashboardModelOf(portfolio, options), shippedAssets());
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
    await writeOutput(String(values.out), await reportHtml(portfolio, { backtest: values['no-backtest'] !== true, asOf: values['as-of'] !== undefined }));
    process.stdout.write(`wrote ${String(values.out)} (${portfolio.view.items.length} items)\n`);
    return 0;
  },
};
