import path from 'node:path';
import { loadConfig } from '../../core/config';
import { historyOff } from '../../core/history/history';
import { todayUtc } from '../../core/pipeline/build';
import { DEFAULT_BACKTEST } from '../../core/pipeline/backtest';
import { calibrate, writeCalibration, type Calibration } from '../../core/pipeline/calibrate';
import { resolveFolder } from '../../core/pipeline/scanFolder';
import { emit, UsageError, type Command } from '../command';
import { oneOf } from '../portfolio';
import { renderTable } from '../table';

function calibrationTable(result: Calibration): string {
  const rows = Object.keys(result.current).map((key) => [key, String(result.current[key as keyof Calibration['current']]), String(result.fitted[key as keyof Calibration['fitted']])]);
  return [renderTable(['constant', 'current', 'fitted'], rows), '', result.verdict, ...result.notes].join('\n');
}

export const calibrateCommand: Command = {
  summary: 'fit the interest model\'s free constants on the earlier back-test origins and check them on the latest',
  usage: `debt-portfolio calibrate [dir] [options]

Runs the back-test's origins (see debt-portfolio backtest), chooses the model's free constants (halfLifeDays,
hoursPerFix, penaltyMidpoint, priorChangesPerSprint) that capture most fix work on every origin but the latest,
and reports the current and the fitted constants on the latest origin, which the fit never saw.

Options:
  --write               write the fitted constants into .debt/config.json with a note of the evidence; nothing is
                        written when they are not better than the current ones on the held-out origin
  --origins <n>         how many origins (default 4)
  --format table|json   output format (default: table)
  -h, --help            show this help`,
  options: { write: { type: 'boolean', default: false }, origins: { type: 'string' }, format: { type: 'string', default: 'table' } },
  async run(values, positionals) {
    if (positionals.length > 1) throw new UsageError(`expected one folder, got ${positionals.length}`);
    const format = oneOf(values, 'format', ['table', 'json'] as const, 'table');
    const origins = values.origins === undefined ? DEFAULT_BACKTEST.origins : Number(values.origins);
    if (!Number.isInteger(origins) || origins < 2 || origins > 20) throw new UsageError(`--origins must be a whole number from 2 to 20, not "${String(values.origins)}"`);
    const root = await resolveFolder(path.resolve(positionals[0] ?? '.'));
    const off = await historyOff(root);
    if (off) throw new UsageError(off);
    const result = await calibrate(root, (await loadConfig(root)).config, { ...DEFAULT_BACKTEST, origins });
    await emit(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${calibrationTable(result)}\n`, undefined);
    if (values.write !== true) return 0;
    if (!result.improves) {
      process.stderr.write('debt-portfolio calibrate: nothing written: the fitted constants are not better on the held-out origin\n');
      return 1;
    }
    await writeCalibration(root, result, todayUtc());
    process.stderr.write('debt-portfolio calibrate: wrote the fitted constants to .debt/config.json\n');
    return 0;
  },
};
