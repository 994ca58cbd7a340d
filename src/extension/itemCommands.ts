import * as vscode from 'vscode';
import { afterSprints, snoozeDateOf } from '../core/portfolio/snooze';
import type { PortfolioItem, PortfolioView } from '../core/portfolio/view';
import { STATUSES, type Status } from '../core/store/schema';
import { isSnoozed, snoozeDateProblem } from '../core/store/snooze';
import { labelled, pickChoice } from './pick';
import type { PortfolioService } from './portfolioService';

/** Tree nodes pass themselves (with their folder); commands run from code or tests pass an id. */
type ItemArgument = string | { item?: { id: string }; portfolio?: { folder: vscode.WorkspaceFolder } } | undefined;
const targetOf = (argument: ItemArgument): { id?: string; folder?: string } =>
  typeof argument === 'string' ? { id: argument } : { id: argument?.item?.id, folder: argument?.portfolio?.folder.uri.toString() };

const STATUS_LABELS: Record<Exclude<Status, 'done'>, string> = { open: 'Open', planned: 'Planned', accepted: 'Accepted (we live with it)', wontfix: "Won't fix" };

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** The day an item's snooze ends, while it is snoozed today. */
export const snoozedUntil = (item: Pick<PortfolioItem, 'snoozedUntil'>): string | undefined => (isSnoozed(item.snoozedUntil, todayUtc()) ? item.snoozedUntil : undefined);

/** The sprint calendar as the view knows it: any sprint's start anchors the same sprints. */
const calendarOf = (view: PortfolioView) => ({ firstSprintStart: view.plan.current.start, sprintLengthDays: view.sprintLengthDays ?? 14 });

/** 1 sprint, 2 sprints or a typed future date; the day the snooze ends, or undefined when dismissed. */
async function askSnoozeDate(view: PortfolioView): Promise<string | undefined> {
  const { sprintLengthDays } = calendarOf(view);
  const after = (count: number) => afterSprints(view.plan.current, sprintLengthDays, count);
  const choices = [
    { label: '1 sprint', description: `until ${after(1)}`, until: after(1) },
    { label: '2 sprints', description: `until ${after(2)}`, until: after(2) },
    { label: 'Until a date…', until: undefined },
  ];
  const picked = await vscode.window.showQuickPick(choices, { title: 'Snooze: leave this item out of sprint plans until…' });
  if (!picked || picked.until) return picked?.until;
  const today = todayUtc();
  return vscode.window.showInputBox({ title: 'Snooze until (YYYY-MM-DD)', value: after(1), validateInput: (text) => snoozeDateProblem(text.trim(), today) })?.then((text) => text?.trim());
}

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
    vscode.commands.registerCommand('debtPortfolio.snooze', (argument: ItemArgument, given?: string) =>
      withItem(async (id, folder) => {
        const { view } = service.find(id, folder)!.portfolio;
        const until = given === undefined ? await askSnoozeDate(view) : snoozeDateOf(given, todayUtc(), calendarOf(view));
        if (until) await service.decide(id, { snoozedUntil: until }, folder);
      })(argument),
    ),
    vscode.commands.registerCommand('debtPortfolio.unsnooze', withItem((id, folder) => service.decide(id, { snoozedUntil: null }, folder))),
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
