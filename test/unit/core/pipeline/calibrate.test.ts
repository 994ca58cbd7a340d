import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../../../src/core/config';
import { calibrate } from '../../../../src/core/pipeline/calibrate';
import { numberedLines } from '../../../helpers/builders';
import { runCli } from '../../../helpers/cli';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';


/**
 * Two years in which busy.py changes twice a month and is never fixed, and fragile.py is fixed once a month (the
 * same size): with hoursPerFix 0 the model ranks the busy file first and misses every fix; any fix weight in the
 * grid ranks the fragile one first.
 */
describe('calibrate', () => {
  let root: string;
  before(() => {
    root = makeTempDir();
    const repo = new ScriptedRepo(root);
    const small = Object.fromEntries(Array.from({ length: 8 }, (_, k) => [`s${k}.py`, numberedLines(10, `s${k}`)]));
    repo.commit({ ...small, 'busy.py': numberedLines(100, 'b'), 'fragile.py': numberedLines(100, 'f') }, { date: '2024-01-01T00:00:00Z' });
    for (let month = 0; month < 24; month++) {
      const day = (d: number) => `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00Z`;
      repo.commit({ 'busy.py': numberedLines(100, `b${month}a`) }, { date: day(5), message: 'tune' });
      repo.commit({ 'busy.py': numberedLines(100, `b${month}b`) }, { date: day(15), message: 'tune' });
      repo.commit({ 'fragile.py': numberedLines(100, `f${month}`) }, { date: day(25), message: 'fix: fragile again' });
    }
    writeFiles(root, { '.debt/config.json': JSON.stringify({ hoursPerFix: 0, tags: ['TODO'] }) });
  });
  after(() => removeDir(root));

  it('fits on the earlier origins only and reports the latest, which the fit never saw', async () => {
    const result = await calibrate(root, (await loadConfig(root)).config);
    assert.deepEqual([result.fittedOn, result.heldOut], [['2024-10-01', '2024-12-30', '2025-03-30'], '2025-06-28']);
    assert.equal(result.current.hoursPerFix, 0);
    assert.ok(result.fitted.hoursPerFix > 0);
    // 10 files: the top 10% is one file; 20% of 280 lines takes 56 of the top file's 100
    assert.deepEqual([result.before, result.after], [{ top10: 0, effortAware: 0 }, { top10: 1, effortAware: 0.56 }]);
    assert.equal(result.improves, true);
    assert.match(result.verdict, /^fitted on 2024-10-01, 2024-12-30, 2025-03-30; on the held-out origin 2025-06-28: top-10% 0% → 100%, effort-aware 0% → 56%$/);
  });

  it('--write keeps the other keys and notes the evidence; run again, it says nothing is better and writes nothing', () => {
    const config = path.join(root, '.debt/config.json');
    const first = runCli(['calibrate', root, '--write']);
    assert.equal(first.code, 0, first.stderr);
    const written = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(written.tags, ['TODO']);
    assert.ok((written.hoursPerFix as number) > 0);
    assert.match(written.calibration as string, /^calibrated \d{4}-\d\d-\d\d by debt-portfolio calibrate: fitted on 2024-10-01/);
    const before = readFileSync(config, 'utf8');
    const again = runCli(['calibrate', root, '--write']);
    assert.equal(again.code, 1);
    assert.match(again.stdout, /the current constants fit the earlier origins best: nothing to change/);
    assert.equal(again.stderr, 'debt-portfolio calibrate: nothing written: the fitted constants are not better on the held-out origin\n');
    assert.equal(readFileSync(config, 'utf8'), before);
  });
});
