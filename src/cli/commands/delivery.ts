import { todayUtc } from '../../core/pipeline/build';
import { deliveryOf } from '../../core/pipeline/delivery';
import type { DeliveryFigure, DeliveryFigures } from '../../core/history/delivery';
import { emit, type Command } from '../command';
import { PAST_SPRINTS_OPTIONS, pastSprintsInput, pastSprintsUsage } from '../portfolio';
import { formatWarning } from './scan';
import { renderTable } from '../table';

const shown = (figure: DeliveryFigure, text: (value: number) => string): string =>
  figure.status === 'no-data' ? 'no data' : figure.status === 'not-enough-data' ? `not enough data (n=${figure.sample})` : `${text(figure.value!)} (n=${figure.sample})`;

const hours = (value: number): string => (value >= 48 ? `${(value / 24).toFixed(1)} d` : `${value.toFixed(1)} h`);

function row(label: string, figures: DeliveryFigures): string[] {
  const time = (figure: DeliveryFigure) => shown(figure, (median) => `${hours(median)} / p85 ${hours(figure.p85!)}`);
  return [label, shown(figures.deploymentFrequency, (v) => `${v.toFixed(2)}/wk`), time(figures.leadTimeHours), shown(figures.changeFailureRate, (v) => `${Math.round(v * 100)}%`), time(figures.timeToRestoreHours)];
}

export const deliveryCommand: Command = {
  summary: 'releases per week, lead time, change failure rate and time to restore, per sprint, from git',
  usage: `debt-portfolio delivery [dir] [options]

For the last sprints and over all of them: deployment frequency (releases per week; a release is a tag
matching releaseTagPattern, or a merge to the current branch where there is none), lead time for changes
(author date to first release, median / p85), change failure rate (releases followed within
changeFailureWindowDays by a revert, a fix of what they changed or a patch release) and time to restore
(incidents in .debt/incidents.json with "resolved"). Each figure shows its sample size (n).

Options:
${pastSprintsUsage('deliverySprints')}`,
  options: PAST_SPRINTS_OPTIONS,
  async run(values, positionals) {
    const { root, config, format, sprints } = await pastSprintsInput(values, positionals, 'deliverySprints');
    const report = await deliveryOf(root, config, { sprints, today: todayUtc(), nowSeconds: Math.floor(Date.now() / 1000) });
    for (const warning of report.warnings) process.stderr.write(`debt-portfolio: ${formatWarning(warning)}\n`);
    if (format === 'json') return emit(`${JSON.stringify({ version: 1, ...report }, null, 2)}\n`, values.out).then(() => 0);
    const rows = [...report.sprints.map((sprint) => row(`${sprint.sprint} (${sprint.start})`, sprint.figures)), row('overall', report.overall.figures)];
    const table = renderTable(['sprint', 'releases', 'lead time', 'change failure', 'time to restore'], rows);
    await emit(`${table}\nreleases from ${report.releasesFrom}: ${report.releases.length}\n`, values.out);
    return 0;
  },
};
