import { formatFigure, formatPercent } from '../../shared/format';
import type { DeliveryReport } from '../../core/history/delivery';
import type { DebtSplit, DeliveryFigure, DeliveryFigures } from '../../shared/delivery';
import { todayUtc } from '../../core/pipeline/build';
import { deliveryOf, topInterestFiles } from '../../core/pipeline/delivery';
import type { SprintAdherence } from '../../core/portfolio/planner';
import { emit, type Command } from '../command';
import { loadPortfolio, PAST_SPRINTS_OPTIONS, pastSprintsInput, pastSprintsUsage, printNotices } from '../portfolio';
import { renderTable } from '../table';
import { formatWarning } from './scan';

const time = (figure: DeliveryFigure) => formatFigure(figure, 'time');
const rate = (figure: DeliveryFigure) => formatFigure(figure, 'share');

const figuresRow = (label: string, figures: DeliveryFigures): string[] => [label, formatFigure(figures.deploymentFrequency, 'rate'), time(figures.leadTimeHours), rate(figures.changeFailureRate), time(figures.timeToRestoreHours)];

const debtRow = (label: string, debt: DebtSplit, adherence: string): string[] => [label, adherence, time(debt.touched.leadTimeHours), time(debt.rest.leadTimeHours), rate(debt.touched.changeFailureRate), rate(debt.rest.changeFailureRate)];

function tables(report: DeliveryReport, adherence: readonly SprintAdherence[]): string {
  const label = (sprint: { sprint: number; start: string }) => `${sprint.sprint} (${sprint.start})`;
  const delivery = renderTable(['sprint', 'releases', 'lead time', 'change failure', 'time to restore'], [...report.sprints.map((s) => figuresRow(label(s), s.figures)), figuresRow('overall', report.overall.figures)]);
  const summary = `releases from ${report.releasesFrom}: ${report.releases.length}`;
  if (!report.topFiles) return `${delivery}\n${summary}\n`;
  const adherenceOf = (sprint: number) => formatPercent(adherence.find((a) => a.sprint === sprint)?.adherence ?? null);
  const rows = [...report.sprints.map((s) => debtRow(label(s), s.debt!, adherenceOf(s.sprint))), debtRow('overall', report.overall.debt!, '')];
  const debt = renderTable(['sprint', 'adherence', 'lead time: top files', 'lead time: rest', 'failure: top files', 'failure: rest'], rows);
  return `${delivery}\n${summary}\n\nDebt against delivery: changes to the ${report.topFiles.length} top-interest files (the costliest tenth) against the rest\n${debt}\n`;
}

export const deliveryCommand: Command = {
  summary: 'releases per week, lead time, change failure rate and time to restore, per sprint, beside the debt',
  usage: `debt-portfolio delivery [dir] [options]

For the last sprints and over all of them: deployment frequency (releases per week; a release is a tag
matching releaseTagPattern, or a merge to the current branch where there is none), lead time for changes
(author date to first release, median / p85), change failure rate (releases followed within
changeFailureWindowDays by a revert, a fix of what they changed or a patch release) and time to restore
(incidents in .debt/incidents.json with "resolved"). Each figure shows its sample size (n).
Then debt against delivery: lead time and change failure rate of the changes that touched the
top-interest files (the costliest tenth) against the rest, beside each sprint's allocation adherence.

Options:
${pastSprintsUsage('deliverySprints')}
  --no-debt             the delivery figures alone: no scan, no comparison with the debt
  --no-cache            neither read nor write the scan cache`,
  options: { ...PAST_SPRINTS_OPTIONS, 'no-debt': { type: 'boolean', default: false }, 'no-cache': { type: 'boolean', default: false } },
  async run(values, positionals) {
    const { root, config, format, sprints } = await pastSprintsInput(values, positionals, 'deliverySprints');
    const portfolio = values['no-debt'] === true ? undefined : await loadPortfolio(values, [root], { record: false });
    if (portfolio) printNotices(portfolio);
    const topFiles = portfolio && topInterestFiles(portfolio.health);
    const report = await deliveryOf(root, config, { sprints, today: todayUtc(), nowSeconds: Math.floor(Date.now() / 1000), ...(topFiles ? { topFiles } : {}) });
    for (const warning of report.warnings) process.stderr.write(`debt-portfolio: ${formatWarning(warning)}\n`);
    const adherence = portfolio?.view.plan.adherence ?? [];
    if (format === 'json') return emit(`${JSON.stringify({ version: 1, ...report, ...(portfolio ? { adherence } : {}) }, null, 2)}\n`, values.out).then(() => 0);
    await emit(tables(report, adherence), values.out);
    return 0;
  },
};
