import assert from 'node:assert/strict';
import { formatCost, formatDuration, formatFigure, formatHours, formatNumber, formatPayback, formatPercent, formatSprint } from '../../../src/shared/format';

describe('shared/format', () => {
  it('rounds to one decimal everywhere, and never shows a small positive figure as 0', () => {
    const table: Array<[number, string]> = [[3.333, '3.3'], [3.35, '3.4'], [2, '2'], [0.04, '< 0.1'], [0, '0'], [-0.01, '0'], [172.25, '172.3']];
    for (const [value, shown] of table) assert.equal(formatNumber(value), shown, String(value));
    assert.equal(formatHours(0.96), '1 h');
  });

  it('shows a payback as sprints, "never" with no interest, "> 2 years" past the horizon', () => {
    const table: Array<[number | null, number, string]> = [
      [2.24, 14, '2.2 sprints'],
      [1, 14, '1 sprint'],
      [null, 14, 'never'],
      [172.2, 14, '> 2 years'],
      [52, 14, '52 sprints'],
      [53, 14, '> 2 years'],
      [30, 30, '> 2 years'],
    ];
    for (const [payback, days, shown] of table) assert.equal(formatPayback(payback, days), shown, `${payback} at ${days} days`);
    assert.equal(formatCost(0.94, 2.2), '0.9 h/sprint · payback 2.2 sprints');
  });

  it('says n/a for a share with nothing to measure, and marks a sprint from the default calendar', () => {
    assert.equal(formatPercent(null), 'n/a');
    assert.equal(formatPercent(0.184), '18%');
    assert.equal(formatSprint(25, true), 'Sprint 25');
    assert.equal(formatSprint(25, false), 'Sprint 25 (default calendar)');
  });

  it('shows a delivery figure with its sample size, and a status instead of a number it does not have', () => {
    const figure = (status: 'ok' | 'not-enough-data' | 'no-data', value: number | null, sample: number, p85?: number | null) => ({ status, value, sample, terms: '', ...(p85 === undefined ? {} : { p85 }) });
    assert.equal(formatFigure(figure('ok', 1.0938, 5), 'rate'), '1.1/week (n = 5)');
    assert.equal(formatFigure(figure('ok', 0.5, 4), 'share'), '50% (n = 4)');
    assert.equal(formatFigure(figure('ok', 24, 7, 55.8), 'time'), '24 h · p85 2.3 d (n = 7)');
    assert.equal(formatFigure(figure('not-enough-data', null, 1, null), 'time'), 'not enough data (n = 1)');
    assert.equal(formatFigure(figure('no-data', null, 0), 'share'), 'no data (n = 0)');
    assert.deepEqual([47.9, 48, 126].map(formatDuration), ['47.9 h', '2 d', '5.3 d']);
  });
});
