import assert from 'node:assert/strict';
import { defaultConfig } from '../../../../src/core/config';
import { backtest, backtestPanel, DEFAULT_BACKTEST, RANKINGS } from '../../../../src/core/pipeline/backtest';
import { numberedLines } from '../../../helpers/builders';
import { runCli } from '../../../helpers/cli';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { makeTempDir, removeDir } from '../../../helpers/tempDir';

const config = defaultConfig();
/** One origin, 100 days before the last commit; the 90 days after it are predicted. */
const ONE_ORIGIN = { ...DEFAULT_BACKTEST, origins: 1, endOffsetDays: 100 };

describe('back-test', () => {
  let root: string;
  before(() => {
    root = makeTempDir();
    const repo = new ScriptedRepo(root);
    const small = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`s${k}.py`, numberedLines(10, `s${k}`)]));
    repo.commit({ ...small, 'hot.py': numberedLines(100, 'h'), 'big.py': numberedLines(200, 'b') }, { date: '2025-06-01T00:00:00Z' });
    for (let k = 0; k < 6; k++) repo.commit({ 'hot.py': numberedLines(100, `h${k}`) }, { date: `2025-08-${String(k * 6 + 1).padStart(2, '0')}T00:00:00Z` });
    // origin: 2026-01-01 − 100 days = 2025-09-23
    repo.commit({ 'hot.py': numberedLines(100, 'fixed') }, { date: '2025-10-01T00:00:00Z', message: 'fix: a' });
    repo.rename('hot.py', 'hot2.py', { date: '2025-10-15T00:00:00Z' });
    repo.commit({ 'hot2.py': numberedLines(100, 'again'), 'big.py': numberedLines(200, 'c') }, { date: '2025-11-01T00:00:00Z', message: 'fix: b' });
    repo.commit({ 's0.py': numberedLines(10, 'docs') }, { date: '2026-01-01T00:00:00Z', message: 'docs' });
  });
  after(() => removeDir(root));

  it('measures where the fix commits after an origin landed, renames followed, with a known answer', async () => {
    const result = await backtest(root, config, ONE_ORIGIN);
    assert.equal(result.origins.length, 1);
    const [origin] = result.origins;
    assert.deepEqual([origin!.date, origin!.files, origin!.lines, origin!.fixCommits, origin!.fixTouches], ['2025-09-23', 10, 380, 2, 3]);
    const c = origin!.captures;
    // top 10% = 1 file: the model, churn and churn × size take hot.py (2 of 3 touches), size takes big.py (1 of 3)
    assert.deepEqual([c.model.top10, c.churn.top10, c.size.top10, c.churnSize.top10], [2 / 3, 2 / 3, 1 / 3, 2 / 3]);
    // 20% of 380 lines = 76: the model (interest per principal hour) and churn take 76 of hot.py's 100 lines, so
    // 0.76 of its 2 touches; size takes 76 of big.py's 200 lines: 0.38 of its touch
    assert.ok(Math.abs(c.model.effortAware! - 1.52 / 3) < 1e-12, String(c.model.effortAware));
    assert.ok(Math.abs(c.churn.effortAware! - 1.52 / 3) < 1e-12, String(c.churn.effortAware));
    assert.ok(Math.abs(c.size.effortAware! - 0.38 / 3) < 1e-12, String(c.size.effortAware));
    assert.ok(c.random.top10! >= 0 && c.random.top10! <= 1);
    assert.deepEqual(result.means.model, c.model);
    const panel = backtestPanel(result);
    assert.deepEqual(panel.rows[0], { ranking: 'our ranking', ours: true, ...c.model });
    assert.deepEqual(panel.verdicts, ['top-10% capture: our ranking (66.7%) did at least as well as every baseline', 'effort-aware capture: our ranking (50.7%) did at least as well as every baseline']);
  });

  it('says how much history there is and runs the origins it can', async () => {
    const result = await backtest(root, config, { ...ONE_ORIGIN, origins: 4 });
    assert.deepEqual(result.origins.map((o) => o.date), ['2025-06-25', '2025-09-23']);
    assert.deepEqual(result.notes, ['origin 2024-12-27 skipped: the history has 214 days (2025-06-01 to 2026-01-01), none before it', 'origin 2025-03-27 skipped: the history has 214 days (2025-06-01 to 2026-01-01), none before it']);
  });

  it('says "no fix commits to predict" when none came after an origin, never NaN', async () => {
    const quiet = makeTempDir();
    try {
      const repo = new ScriptedRepo(quiet);
      repo.commit({ 'a.py': numberedLines(5, 'a'), 'b.py': numberedLines(5, 'b') }, { date: '2025-06-01T00:00:00Z' });
      repo.commit({ 'a.py': numberedLines(5, 'x') }, { date: '2025-08-01T00:00:00Z' });
      repo.commit({ 'b.py': numberedLines(5, 'y') }, { date: '2026-01-01T00:00:00Z', message: 'tidy' });
      const result = await backtest(quiet, config, ONE_ORIGIN);
      for (const ranking of RANKINGS) assert.deepEqual(result.means[ranking], { top10: null, effortAware: null });
      const run = runCli(['backtest', quiet, '--origins', '1']);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /NaN|Infinity/);
      const json = runCli(['backtest', quiet, '--format', 'json', '--origins', '1']);
      assert.doesNotMatch(json.stdout, /NaN|Infinity/);
    } finally {
      removeDir(quiet);
    }
  });

  it('is a CLI command whose table says when a baseline did better, and rejects a bad --origins in one line', () => {
    const run = runCli(['backtest', root, '--origins', '1']);
    assert.equal(run.code, 0, run.stderr);
    // the default origin, two quarters back (2025-07-05), sees only the first commit: every file changed once, and
    // the model's pick (the largest file) missed the one fix, which churn's ten-way tie caught a tenth of
    assert.match(run.stdout, /^top-10% capture: churn \(10%\) did better than our ranking \(0%\)$/m);
    const ended = runCli(['backtest', root, '--origins', '1', '--as-of', '2025-12-31', '--format', 'json']);
    assert.deepEqual(JSON.parse(ended.stdout).notes, ['origin 2025-05-05 skipped: the history has 153 days (2025-06-01 to 2025-11-01), none before it'], 'the end is the last commit before the date');
    assert.deepEqual([runCli(['backtest', root, '--as-of', 'nope']).stderr, runCli(['backtest', root, '--as-of', 'nope']).code], ['debt-portfolio backtest: --as-of "nope" is not a commit in this repository\n', 2]);
    const bad = runCli(['backtest', root, '--origins', '0']);
    assert.deepEqual([bad.code, bad.stderr], [2, 'debt-portfolio backtest: --origins must be a whole number from 1 to 20, not "0"\n']);
  });
});
