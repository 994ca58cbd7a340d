import type { TeamConfig } from '../core/config';
import type { DeliveryReport } from '../core/history/delivery';
import { historyOff } from '../core/history/history';
import { todayUtc, type Portfolio } from '../core/pipeline/build';
import { backtest, backtestPanel } from '../core/pipeline/backtest';
import { deliveryOf, deliveryPanel, topInterestFiles } from '../core/pipeline/delivery';
import { portfolioTrend } from '../core/pipeline/trend';
import { toDashboardModel } from '../core/portfolio/dashboardModel';
import type { DashboardBacktest, DashboardModel } from '../shared/dashboard';
import { formatWarning } from './commands/scan';

/** Today's delivery figures for the portfolio's folder (with the debt split when asked), when its history is on; warnings go to stderr. */
export async function deliveryBeside(portfolio: Portfolio, options: { debt?: boolean } = {}): Promise<DeliveryReport | undefined> {
  if (!portfolio.settings.git || (await historyOff(portfolio.view.root))) return undefined;
  const topFiles = options.debt ? { topFiles: topInterestFiles(portfolio.health) } : {};
  const report = await deliveryOf(portfolio.view.root, portfolio.config, { sprints: portfolio.config.deliverySprints, today: todayUtc(), nowSeconds: Math.floor(Date.now() / 1000), ...topFiles });
  for (const warning of report.warnings) process.stderr.write(`debt-portfolio: ${formatWarning(warning)}\n`);
  return report;
}

/** The back-test panel, or one line saying why it could not run (the page is still written). */
async function backtestPanelOf(root: string, config: TeamConfig): Promise<DashboardBacktest> {
  try {
    return backtestPanel(await backtest(root, config));
  } catch (error) {
    return { origins: [], rows: [], verdicts: [`the back-test could not run: ${(error as Error).message}`] };
  }
}

/**
 * The dashboard's model of a portfolio as the CLI's pages (report, brief) show it: the trend, and with git on the
 * delivery figures (not for a past portfolio) and, when asked, the back-test panel.
 */
export async function dashboardModelOf(portfolio: Portfolio, options: { backtest: boolean; asOf: boolean }): Promise<DashboardModel> {
  const root = portfolio.view.root;
  const { config, settings } = portfolio;
  const trend = await portfolioTrend(root, config, { git: settings.git, today: todayUtc() });
  const history = settings.git && !(await historyOff(root));
  const panel = history && options.backtest ? await backtestPanelOf(root, config) : null;
  const delivery = history && !options.asOf ? await deliveryBeside(portfolio, { debt: true }) : undefined;
  return toDashboardModel(portfolio.view, {
    readOnly: true,
    notices: portfolio.notices,
    trend,
    backtest: panel,
    delivery: delivery ? deliveryPanel(delivery, portfolio.view.plan.adherence) : null,
  });
}
