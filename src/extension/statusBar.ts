import * as vscode from 'vscode';
import { DEFAULT_CALENDAR_NOTE, formatHours, formatInterest, formatNumber, formatSprint } from '../shared/format';
import type { PortfolioService } from './portfolioService';

/** Opens the team config at its sprint calendar (an unsaved one when there is none yet, so nothing is written until the user saves). */
async function openTeamConfig(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
  if (!folder) return void vscode.window.showWarningMessage('Tech Debt: open a folder to set its sprint calendar.');
  const uri = vscode.Uri.joinPath(folder.uri, '.debt', 'config.json');
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  const document = await vscode.workspace.openTextDocument(exists ? uri : uri.with({ scheme: 'untitled' }));
  const line = Math.max(0, document.getText().split('\n').findIndex((text) => text.includes('"firstSprintStart"')));
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(line, 0, line, 0) });
  if (!exists && document.getText() === '') await editor.insertSnippet(new vscode.SnippetString(`{\n  "firstSprintStart": "\${1:${new Date().toISOString().slice(0, 10)}}",\n  "sprintLengthDays": \${2:14}\n}\n`));
}

/** "Tech Debt 12.3 h/sprint · 4/8 h planned": interest per sprint and this sprint's debt budget use; a click opens the dashboard. */
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
    const calendarSet = portfolios.every((p) => p.view.calendarSet === true);
    item.text = `$(credit-card) Tech Debt ${formatInterest(interest)} · ${formatNumber(planned)}/${formatHours(budget)} planned`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = { enabledCommands: ['debtPortfolio.openTeamConfig'] };
    tooltip.appendMarkdown(`**Tech Debt**: ${formatInterest(interest)} of interest. ${formatSprint(portfolios[0]!.view.plan.current.sprint, calendarSet)}: ${formatHours(planned)} of its ${formatHours(budget)} debt budget planned. Click for the dashboard.`);
    if (!calendarSet) tooltip.appendMarkdown(`\n\n${DEFAULT_CALENDAR_NOTE} [Set the sprint calendar](command:debtPortfolio.openTeamConfig)`);
    item.tooltip = tooltip;
    item.show();
  };
  update();
  context.subscriptions.push(
    item,
    service.onDidChange(update),
    vscode.commands.registerCommand('debtPortfolio.openTeamConfig', () => openTeamConfig(service.portfolios().find((p) => p.view.calendarSet !== true)?.folder ?? vscode.workspace.workspaceFolders?.[0])),
  );
  return item;
}
