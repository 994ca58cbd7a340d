import { todayUtc } from '../../core/pipeline/build';
import { trendOf } from '../../core/pipeline/trend';
import { round } from '../../core/portfolio/view';
import { emit, type Command } from '../command';
import { PAST_SPRINTS_OPTIONS, pastSprintsInput, pastSprintsUsage } from '../portfolio';
import { renderTable } from '../table';

export const trendCommand: Command = {
  summary: 'open debt and its interest at the start of each past sprint, from git history',
  usage: `debt-portfolio trend [dir] [options]

For the last sprints, the annotations in the code at each sprint's first day and their estimated
interest, read from git: no earlier run of the tool is needed.

Options:
${pastSprintsUsage('trendSprints')}`,
  options: PAST_SPRINTS_OPTIONS,
  async run(values, positionals) {
    const { root, config, format, sprints } = await pastSprintsInput(values, positionals, 'trendSprints');
    const points = await trendOf(root, config, { sprints, today: todayUtc() });
    if (format === 'json') return emit(`${JSON.stringify({ version: 1, points }, null, 2)}\n`, values.out).then(() => 0);
    const rows = points.map((p) => [String(p.sprint), p.date, p.commit?.slice(0, 10) ?? '-', String(p.openItems), round(p.interest)]);
    await emit(`${renderTable(['sprint', 'start', 'commit', 'open items', 'h/sprint'], rows)}\n`, values.out);
    return 0;
  },
};
