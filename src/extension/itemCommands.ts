import * as vscode from 'vscode';
import { STATUSES, type Status } from '../core/store/schema';
import { labelled, pickChoice } from './pick';
import type { PortfolioService } from './portfolioService';

/** Tree nodes pass themselves (with their folder); commands run from code or tests pass an id. */
type ItemArgument = string | { item?: { id: string }; portfolio?: { folder: vscode.WorkspaceFolder } } | undefined;
const targetOf = (argument: ItemArgument): { id?: string; folder?: string } =>
  typeof argument === 'string' ? { id: argument } : { id: argument?.item?.id, folder: argument?.portfolio?.folder.uri.toString() };

const STATUS_LABELS: Record<Exclude<Status, 'done'>, string> = { open: 'Open', planned: 'Planned', accepted: 'Accepted (we live with it)', wontfix: "Won't fix" };

export function registerItemCommands(context: vscode.ExtensionContext, service: PortfolioService): void {
  const withItem = (run: (id: string, folder: string | undefined) => Promise<unknown>) => async (argument: ItemArgument) => {
    const { id, folder } = targetOf(argument);
    if (!id || !service.find(id, folder)) {
      void vscode.window.showWarningMessage('Tech Debt: choose an item in the Debt view.');
      return;
    }
    return run(id, folder);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(
      'debtPortfolio.planThisSprint',
      withItem((id, folder) => {
        const found = service.find(id, folder)!;
        return service.decide(id, { status: 'planned', sprint: found.portfolio.view.plan.current.sprint }, folder);
      }),
    ),
    vscode.commands.registerCommand('debtPortfolio.unplan', withItem((id, folder) => service.decide(id, { status: 'open', sprint: null }, folder))),
    vscode.commands.registerCommand(
      'debtPortfolio.setStatus',
      withItem(async (id, folder) => {
        const choices = STATUSES.filter((s): s is Exclude<Status, 'done'> => s !== 'done');
        const status = await pickChoice('Set the status of this debt item', labelled(choices, STATUS_LABELS), service.find(id, folder)!.item.status as Exclude<Status, 'done'>);
        if (!status) return;
        const notes = status === 'accepted' || status === 'wontfix' ? await vscode.window.showInputBox({ title: 'Why? (saved as a note)' }) : undefined;
        await service.decide(id, { status, ...(notes ? { notes } : {}) }, folder);
      }),
    ),
    vscode.commands.registerCommand(
      'debtPortfolio.copyLink',
      withItem(async (id, folder) => {
        const { portfolio, item } = service.find(id, folder)!;
        const uri = vscode.Uri.joinPath(portfolio.folder.uri, ...item.file.split('/')).with({ fragment: `L${item.line}` });
        const link = `${vscode.workspace.asRelativePath(uri, false)}:${item.line} (${uri.toString()})`;
        await vscode.env.clipboard.writeText(link);
        return link;
      }),
    ),
  );
}
