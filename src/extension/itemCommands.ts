import * as vscode from 'vscode';
import { STATUSES, type Status } from '../core/store/schema';
import type { PortfolioService } from './portfolioService';

/** Tree nodes pass themselves; commands run from code or tests pass an id. */
type ItemArgument = string | { item?: { id: string } } | undefined;
const idOf = (argument: ItemArgument): string | undefined => (typeof argument === 'string' ? argument : argument?.item?.id);

export function registerItemCommands(context: vscode.ExtensionContext, service: PortfolioService): void {
  const withItem = (run: (id: string) => Promise<unknown>) => async (argument: ItemArgument) => {
    const id = idOf(argument);
    if (!id || !service.find(id)) {
      void vscode.window.showWarningMessage('Tech Debt: choose an item in the Debt view.');
      return;
    }
    return run(id);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'debtPortfolio.planThisSprint',
      withItem((id) => {
        const found = service.find(id)!;
        return service.decide(id, { status: 'planned', sprint: found.portfolio.view.plan.current.sprint });
      }),
    ),
    vscode.commands.registerCommand('debtPortfolio.unplan', withItem((id) => service.decide(id, { status: 'open', sprint: null }))),
    vscode.commands.registerCommand(
      'debtPortfolio.setStatus',
      withItem(async (id) => {
        const choices = STATUSES.filter((s): s is Exclude<Status, 'done'> => s !== 'done');
        const status = (await vscode.window.showQuickPick(choices, { title: 'Set the status of this debt item' })) as Exclude<Status, 'done'> | undefined;
        if (!status) return;
        const notes = status === 'accepted' || status === 'wontfix' ? await vscode.window.showInputBox({ title: 'Why? (saved as a note)' }) : undefined;
        await service.decide(id, { status, ...(notes ? { notes } : {}) });
      }),
    ),
    vscode.commands.registerCommand(
      'debtPortfolio.copyLink',
      withItem(async (id) => {
        const { portfolio, item } = service.find(id)!;
        const uri = vscode.Uri.joinPath(portfolio.folder.uri, ...item.file.split('/')).with({ fragment: `L${item.line}` });
        const link = `${vscode.workspace.asRelativePath(uri, false)}:${item.line} (${uri.toString()})`;
        await vscode.env.clipboard.writeText(link);
        return link;
      }),
    ),
  );
}
