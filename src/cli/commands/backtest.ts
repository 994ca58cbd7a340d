import path from 'node:path';
import { loadConfig } from '../../core/config';
import { resolveAsOf } from '../../core/history/asOf';
import { historyOff } from '../../core/history/history';
import { backtest, baselineVerdicts, DEFAULT_BACKTEST, percent, RANKING_NAMES, RANKINGS, type Backtest, type Capture } from '../../core/pipeline/backtest';
import { resolveFolder } from '../../core/pipeline/scanFolder';
import { emit, UsageError, type Command, type OptionValues } from '../command';
import { oneOf, spanDays } from '../portfolio';
import { renderTable } from '../table';

function originsOption(values: OptionValues): number {
  const raw = values.origins;
  if (raw === undefined) return DEFAULT_BACKTEST.origins;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < 1 || value > 20) throw new UsageError(`--origins must be a whole number from 1 to 20, not "${String(raw)}"`);
  return value;
}

export function backtestTable(result: Backtest): string {
  const cell = (c: Capture) => [percent(c.top10), percent(c.effortAware)];
  const rows = result.origins.flatMap((o) => RANKINGS.map((r) => [o.date, o.commit.slice(0, 10), String(o.fixCommits), String(o.fixTouches), RANKING_NAMES[r], ...cell(o.captures[r])]));
  const means = RANKINGS.map((r) => ['mean', '', '', '', RANKING_NAMES[r], ...cell(result.means[r])]);
  const table = result.origins.length ? renderTable(['origin', 'commit', 'fix commits', 'fix touches', 'ranking', 'top 10%', 'effort-aware 20%'], [...rows, ...means]) : 'No origin could run.';
  return [table, '', ...baselineVerdicts(result), ...result.notes].join('\n');
}

export const backtestCommand: Command = {
  summary: 'how well the interest ranking predicted where the next quarters\' fix commits landed, beside simple baselines',
  usage: `debt-portfolio backtest [dir] [options]

At rolling origins (a quarter apart, the newest two quarters back) ranks every source file using only the code
and the history before the origin, then measures where the fix commits (fixPattern) of the next 90 days landed:
top 10%       share of fix touches in the top 10% of files by interest
effort-aware  share of fix touches in the files taken by interest per principal hour until 20% of all lines
beside the baselines churn (commits in the window), size (lines), churn × size and random (fixed seed).

Options:
  --origins <n>         how many origins (default 4)
  --as-of <rev|date>    end the back-test at this commit (a date: the last commit before it) instead of HEAD
  --format table|json   output format (default: table)
  --out <file>          write to a file instead of stdout
  --since <span>        the history window before each origin (default: historyWindowDays)
  -h, --help            show this help`,
  options: { origins: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string', default: 'table' }, out: { type: 'string' }, since: { type: 'string' } },
  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
    const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
    const origins = originsOption(values);
    const root = await resolveFolder(path.resolve(positionals[0] ?? '.'));
    const loaded = await loadConfig(root);
    const config = typeof values.since === 'string' ? { ...loaded.config, historyWindowDays: spanDays(values.since) } : loaded.config;
    const off = await historyOff(root);
    if (off) throw new UsageError(off);
    const end = typeof values['as-of'] === 'string' ? await resolveAsOf(root, values['as-of']) : undefined;
    if (end && 'problem' in end) throw new UsageError(end.problem);
    const result = await backtest(root, config, { ...DEFAULT_BACKTEST, origins, ...(end ? { endRef: end.commit } : {}) });
    await emit(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${backtestTable(result)}\n`, values.out);
    return 0;
  },
};
