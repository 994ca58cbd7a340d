import path from 'node:path';
import { loadConfig } from '../../core/config';
import { todayUtc } from '../../core/pipeline/build';
import { trendOf } from '../../core/pipeline/trend';
import { round } from '../../core/portfolio/view';
import { historyOff } from '../../core/history/history';
import { emit, UsageError, type Command } from '../command';
import { configNumber, oneOf, printConfigWarnings } from '../portfolio';
import { renderTable } from '../table';

export const trendCommand: Command = {
  summary: 'open debt and its interest at the start of each past sprint, from git history',
  usage: `debt-portfolio trend [dir] [options]

For the last sprints, the annotations in the code at each sprint's first day and their estimated
interest, read from git: no earlier run of the tool is needed.

Options:
  --sprints <n>         how many sprints (default: the team config's trendSprints, 6)
  --format table|json   output format (default: table)
  --out <file>          write to a file instead of stdout
  -h, --help            show this help`,
  options: { sprints: { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
    const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
    const sprintsOption = configNumber(values, 'sprints', 'trendSprints');
    const root = path.resolve(positionals[0] ?? '.');
    const { config, warnings } = await loadConfig(root);
    printConfigWarnings(warnings);
    const off = await historyOff(root);
    if (off) throw new UsageError(off);
    const points = await trendOf(root, config, { sprints: sprintsOption ?? config.trendSprints, today: todayUtc() });
    if (format === 'json') return emit(`${JSON.stringify({ version: 1, points }, null, 2)}\n`, values.out).then(() => 0);
    const rows = points.map((p) => [String(p.sprint), p.date, p.commit?.slice(0, 10) ?? '-', String(p.openItems), round(p.interest)]);
    await emit(`${renderTable(['sprint', 'start', 'commit', 'open items', 'h/sprint'], rows)}\n`, values.out);
    return 0;
  },
};
