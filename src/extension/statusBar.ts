import * as vscode from 'vscode';
import { round } from '../core/portfolio/view';
import type { PortfolioService } from './portfolioService';

/** Interest per sprint and this sprint's debt budget use, across folders; a click opens the dashboard. */
export function registerStatusBar(context: vscode.ExtensionContext, service: PortfolioService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('debtPortfolio.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Tech Debt';
  item.command = 'debtPortfolio.openDashboard';
  const update = (): void => {
    const portfolios = service.portfolios();
    if (portfolios.length === 0) return item.hide();
    const interest = portfolios.reduce((sum, p) => sum + p.view.totals.interest, 0);
    const planned = portfolios.reduce((sum, p) => sum + p.view.plan.current.plannedHours, 0);
    const budget = portfolios.reduce((sum, p) => sum + p.view.plan.budget, 0);
    item.text = `$(credit-card) ${round(interest)} h/sprint · ${round(planned)}/${round(budget)} h`;
    item.tooltip = `Tech Debt: ${round(interest, 2)} hours of interest per sprint; this sprint ${round(planned)} of its ${round(budget)} debt hours are planned. Click for the dashboard.`;
    item.show();
  };
  update();
  context.subscriptions.push(item, service.onDidChange(update));
  return item;
}
