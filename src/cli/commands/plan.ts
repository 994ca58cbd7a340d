import { round, titleOf } from '../../core/portfolio/view';
import { toMarkdown } from '../../core/export/markdown';
import { emit, type Command } from '../command';
import { AS_OF_OPTION, AS_OF_USAGE, COMMON_OPTIONS, COMMON_USAGE, configNumber, loadPortfolio, oneOf, printNotices } from '../portfolio';
import { renderTable } from '../table';

export const planCommand: Command = {
  summary: 'plan the next sprints: the debt that removes the most interest within the budget',
  usage: `debt-portfolio plan [dir] [options]

Fills the next sprint's debt budget (capacity × allocation %) with pinned and planned items first,
then the items that remove the most interest, and shows the roadmap of the sprints after it.

Options:
  --capacity <hours>    team capacity per sprint (default: the team config's capacityHours, 240)
  --allocation <pct>    share of capacity for debt (default: allocationPercent, 20)
  --sprints <n>         sprints in the roadmap (default: roadmapSprints, 4)
  --format table|json|md  output format (default: table)
  --out <file>          write to a file instead of stdout
${AS_OF_USAGE}
${COMMON_USAGE}`,
  options: { ...COMMON_OPTIONS, ...AS_OF_OPTION, capacity: { type: 'string' }, allocation: { type: 'string' }, sprints: { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string' } },
  async run(values, positionals) {
    const format = oneOf(values, 'format', ['table', 'json', 'md'] as const, 'table');
    const plan = { capacityHours: configNumber(values, 'capacity', 'capacityHours'), allocationPercent: configNumber(values, 'allocation', 'allocationPercent'), roadmapSprints: configNumber(values, 'sprints', 'roadmapSprints') };
    const portfolio = await loadPortfolio(values, positionals, { plan });
    printNotices(portfolio);
    const { view } = portfolio;
    const byId = new Map(view.items.map((item) => [item.id, item]));
    if (format === 'md') return emit(toMarkdown(view), values.out).then(() => 0);
    if (format === 'json') {
      const roadmap = view.plan.roadmap.map((sprint) => ({ ...sprint, items: sprint.items.map((p) => ({ ...p, title: byId.has(p.id) ? titleOf(byId.get(p.id)!) : p.id, file: byId.get(p.id)?.file, line: byId.get(p.id)?.line })) }));
      const next = roadmap[0];
      const json = { version: 1, budget: view.plan.budget, sprint: next ? { sprint: next.sprint, start: next.start, end: next.end } : null, items: next?.items ?? [], totals: { principal: next?.plannedHours ?? 0, interestRemoved: next?.interestRemoved ?? 0, overBudget: next?.overBudget ?? false }, roadmap, adherence: view.plan.adherence };
      return emit(`${JSON.stringify(json, null, 2)}\n`, values.out).then(() => 0);
    }
    const lines: string[] = [];
    for (const sprint of view.plan.roadmap) {
      lines.push(`Sprint ${sprint.sprint} (${sprint.start} to ${sprint.end}): ${round(sprint.plannedHours)} of ${round(view.plan.budget)} h${sprint.overBudget ? ' (over budget)' : ''}, removes ${round(sprint.interestRemoved)} h/sprint (${sprint.method})`);
      const rows = sprint.items.map((p) => {
        const item = byId.get(p.id);
        return [p.id, item ? titleOf(item) : '', item?.owner ?? '', round(p.principal), round(p.interest), p.reason];
      });
      lines.push(rows.length ? renderTable(['id', 'item', 'owner', 'h', 'h/sprint', 'why'], rows, [16, 60, 16]) : '  (nothing fits)', '');
    }
    await emit(`${lines.join('\n')}\n`, values.out);
    return 0;
  },
};
