import assert from 'node:assert/strict';
import { defaultConfig, parseConfig } from '../../../../src/core/config';
import { readDeliveryLog, type DeliveryReport } from '../../../../src/core/history/delivery';
import type { DeliveryFigure } from '../../../../src/shared/delivery';
import { deliveryOf, topInterestFiles } from '../../../../src/core/pipeline/delivery';
import type { FileHealth } from '../../../../src/core/scoring/fileCost';
import { runCli } from '../../../helpers/cli';
import { ScriptedRepo, seconds } from '../../../helpers/gitRepo';
import { git, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const config = { ...defaultConfig(), firstSprintStart: '2026-01-05', changeFailureWindowDays: 7, deliveryMinSample: 2 };
const options = { sprints: 3, today: '2026-02-16', nowSeconds: seconds('2026-02-20T00:00:00Z') };

const tag = (root: string, name: string, commit: string, date: string) => git(root, ['tag', '-a', name, '-m', name, commit], { GIT_COMMITTER_DATE: date });
const round = (value: number | null | undefined) => (value == null ? value : Math.round(value * 1e4) / 1e4);
const shown = (figure: DeliveryFigure) => [figure.status, round(figure.value), ...(figure.p85 === undefined ? [] : [round(figure.p85)]), figure.sample];

function figures(report: DeliveryReport) {
  return [...report.sprints, report.overall].map(({ figures: f }) => ({ frequency: shown(f.deploymentFrequency), lead: shown(f.leadTimeHours), failure: shown(f.changeFailureRate), restore: shown(f.timeToRestoreHours) }));
}

const INCIDENTS = [
  { id: 'INC-1', date: '2026-01-25T00:00:00Z', severity: 'SEV2', resolved: '2026-01-25T06:00:00Z' },
  { id: 'INC-2', date: '2026-02-03', severity: 'SEV3', resolved: '2026-02-04T00:00:00Z' },
  { id: 'INC-3', date: '2026-02-05', severity: 'SEV3', resolved: '2026-02-05T12:00:00Z' },
  { id: 'INC-4', date: '2026-02-06', severity: 'SEV3', resolved: '2026-02-05T12:00:00Z' },
  { id: 'INC-5', date: '2026-02-06', severity: 'SEV3', resolved: '2026-03-01T00:00:00Z' },
  { id: 'INC-6', date: '2026-02-06', severity: 'SEV3', resolved: 'yesterday' },
  { id: 'INC-7', date: '2026-02-06', severity: 'SEV3', resolved: 42 },
  { id: 'INC-8', date: '2026-02-06', severity: 'SEV4' },
];

describe('delivery figures from git', () => {
  let root: string;
  const commits: string[] = [];

  before(() => {
    root = makeTempDir();
    const repo = new ScriptedRepo(root);
    commits.push(repo.commit({ 'a.ts': 'a\n' }, { date: '2026-01-19T10:00:00Z', message: 'add a' }));
    repo.commit({ 'b.ts': 'b\n' }, { date: '2026-01-20T10:00:00Z', message: 'add b' });
    git(root, ['commit', '-q', '--amend', '--no-edit'], { GIT_COMMITTER_DATE: '2026-01-21T09:00:00Z' }); // lead time runs from the author date
    commits.push(git(root, ['rev-parse', 'HEAD']).trim());
    tag(root, 'v1.0.0', commits[1]!, '2026-01-21T10:00:00Z');
    commits.push(repo.commit({ 'a.ts': 'a2\n' }, { date: '2026-01-22T10:00:00Z', message: 'fix: a crash' }));
    tag(root, 'v1.0.1', commits[2]!, '2026-01-23T10:00:00Z');
    commits.push(repo.commit({ 'c.ts': 'c\n' }, { date: '2026-02-03T10:00:00Z', message: 'add c' }));
    tag(root, 'v1.1.0', commits[3]!, '2026-02-03T22:00:00Z');
    commits.push(repo.commit({ 'c.ts': null }, { date: '2026-02-05T10:00:00Z', message: `Revert "add c"\n\nThis reverts commit ${commits[3]!}.` }));
    commits.push(repo.commit({ 'd.ts': 'd\n' }, { date: '2026-02-10T10:00:00Z', message: 'add d' }));
    tag(root, 'v1.2.0', commits[5]!, '2026-02-10T16:00:00Z');
    commits.push(repo.commit({ 'a.ts': 'a3\n' }, { date: '2026-02-18T10:00:00Z', message: 'fix: later' }));
    tag(root, 'v2.0.0', commits[6]!, '2026-02-18T12:00:00Z');
    git(root, ['tag', 'nightly', commits[6]!]);
    git(root, ['tag', 'v9.9.9', git(root, ['rev-parse', 'HEAD:a.ts']).trim()]);
    writeFiles(root, { '.debt/incidents.json': JSON.stringify({ incidents: INCIDENTS }) });
  });
  after(() => removeDir(root));

  it('matches the hand count per sprint and overall', async () => {
    const report = await deliveryOf(root, config, options);
    assert.equal(report.releasesFrom, 'tags');
    // sprints 2 (Jan 19 – Feb 1), 3 (Feb 2 – 15), 4 (Feb 16 – Mar 1, 4 days old on Feb 20)
    assert.deepEqual(figures(report), [
      // v1.0.0, v1.0.1 in 2 weeks; leads c1 48 h, c2 24 h, c3 24 h; v1.0.0 fixed by c3 (a.ts) within 7 days, v1.0.1 not
      // restore: INC-1 only (6 h), one sample
      { frequency: ['ok', 1, 2], lead: ['ok', 24, 40.8, 3], failure: ['ok', 0.5, 2], restore: ['not-enough-data', null, null, 1] },
      // v1.1.0 (reverted on Feb 5), v1.2.0 (clean); leads 12, 126 (the revert), 6; restores 24 h and 12 h
      { frequency: ['ok', 1, 2], lead: ['ok', 12, 91.8, 3], failure: ['ok', 0.5, 2], restore: ['ok', 18, 22.2, 2] },
      // v2.0.0 over 4/7 week; its lead 2 h alone; its 7-day window still open
      { frequency: ['ok', 1.75, 1], lead: ['not-enough-data', null, null, 1], failure: ['no-data', null, 0], restore: ['no-data', null, null, 0] },
      // 5 releases over 32 days; leads [2, 6, 12, 24, 24, 48, 126]; 2 of 4 judged failed; restores [6, 12, 24]
      { frequency: ['ok', 1.0938, 5], lead: ['ok', 24, 55.8, 7], failure: ['ok', 0.5, 4], restore: ['ok', 12, 20.4, 3] },
    ]);
    assert.deepEqual(
      report.releases.map((r) => [r.name, r.commits, r.judged, r.failure]),
      [
        ['v1.0.0', 2, true, `fixed by ${commits[2]!.slice(0, 10)}`],
        ['v1.0.1', 1, true, null],
        ['v1.1.0', 1, true, `reverted by ${commits[4]!.slice(0, 10)}`],
        ['v1.2.0', 2, true, null],
        ['v2.0.0', 1, false, null],
      ],
    );
  });

  it('warns about each bad incident by name and a tag on a blob, and leaves them out', async () => {
    const report = await deliveryOf(root, config, options);
    const messages = report.warnings.map((w) => `${w.code}: ${w.message}`);
    assert.deepEqual(messages, [
      'delivery-tag-not-commit: tag "v9.9.9" points at blob, not a commit; it is not counted as a release',
      'incident-bad-resolved: incident INC-4: "resolved" 2026-02-05T12:00:00Z is before its date 2026-02-06; it is left out of time to restore',
      'incident-bad-resolved: incident INC-5: "resolved" 2026-03-01T00:00:00Z is in the future; it is left out of time to restore',
      'incident-bad-resolved: incident INC-6: "resolved" "yesterday" is not a date; it is left out of time to restore',
      'incident-bad-resolved: incident INC-7: "resolved" 42 is not a date; it is left out of time to restore',
    ]);
  });

  it('gives the same figures without the bad incidents and the bad tag', async () => {
    const withBad = figures(await deliveryOf(root, config, options));
    const clean = makeTempDir();
    try {
      git(clean, ['clone', '-q', root, '.']);
      git(clean, ['tag', '-d', 'v9.9.9']);
      for (const name of ['v1.0.0', 'v1.0.1', 'v1.1.0', 'v1.2.0', 'v2.0.0']) git(clean, ['tag', '-f', '-a', name, '-m', name, `${name}^{commit}`], { GIT_COMMITTER_DATE: git(root, ['for-each-ref', '--format=%(creatordate:iso-strict)', `refs/tags/${name}`]).trim() });
      writeFiles(clean, { '.debt/incidents.json': JSON.stringify({ incidents: INCIDENTS.slice(0, 3) }) });
      const report = await deliveryOf(clean, config, options);
      assert.deepEqual(report.warnings, []);
      assert.deepEqual(figures(report), withBad);
    } finally {
      removeDir(clean);
    }
  });

  it('splits lead time and change failure rate between changes to the top-interest files and the rest', async () => {
    const report = await deliveryOf(root, config, { ...options, topFiles: ['a.ts'] });
    const split = (debt: DeliveryReport['overall']['debt']) => ({ touched: [shown(debt!.touched.leadTimeHours), shown(debt!.touched.changeFailureRate)], rest: [shown(debt!.rest.leadTimeHours), shown(debt!.rest.changeFailureRate)] });
    // a.ts: c1 48 h, c3 24 h, c7 2 h; releases shipping a.ts: v1.0.0 (failed), v1.0.1, v2.0.0 (window open)
    // the rest: c2 24 h, c4 12 h, c5 126 h, c6 6 h; releases v1.1.0 (failed), v1.2.0
    assert.deepEqual(split(report.overall.debt), { touched: [['ok', 24, 40.8, 3], ['ok', 0.5, 2]], rest: [['ok', 18, 80.1, 4], ['ok', 0.5, 2]] });
    assert.deepEqual(split(report.sprints[1]!.debt), { touched: [['no-data', null, null, 0], ['no-data', null, 0]], rest: [['ok', 12, 91.8, 3], ['ok', 0.5, 2]] });
    assert.deepEqual(figures(report), figures(await deliveryOf(root, config, options)), 'the split changes no other figure');
  });

  it('takes the costliest tenth of the files that cost anything as the top-interest files', () => {
    const health = Array.from({ length: 25 }, (_, index) => ({ file: `f${index}.ts`, interest: index % 5 === 0 ? 0 : index }) as FileHealth);
    // 20 files cost something: the top 2 are f24 and f23
    assert.deepEqual(topInterestFiles(health), ['f24.ts', 'f23.ts']);
    assert.deepEqual(topInterestFiles(health.slice(0, 2)), ['f1.ts']);
    assert.deepEqual(topInterestFiles([]), []);
  });

  it('keeps the default tag pattern when the configured one does not compile or is unsafe', () => {
    for (const pattern of ['v(', '(v)\\1', '(?=v)\\d']) {
      const loaded = parseConfig({ releaseTagPattern: pattern });
      assert.equal(loaded.config.releaseTagPattern, defaultConfig().releaseTagPattern);
      assert.match(loaded.warnings[0]!.message, /^"releaseTagPattern": not a pattern the linear-time matcher accepts/);
    }
  });

  it('prints the figures as JSON and a table from the CLI, and bounds --sprints', () => {
    const json = runCli(['delivery', root, '--sprints', '52', '--format', 'json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as DeliveryReport;
    assert.equal(report.sprints.length, 52);
    assert.deepEqual(report.releases.map((r) => r.name), ['v1.0.0', 'v1.0.1', 'v1.1.0', 'v1.2.0', 'v2.0.0']);
    assert.match(json.stderr, /tag "v9\.9\.9" points at blob/);
    assert.ok(Array.isArray(report.topFiles) && Array.isArray((report as { adherence?: unknown }).adherence), 'the debt comparison and adherence');
    const table = runCli(['delivery', root, '--sprints', '2']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /overall[\s\S]*Debt against delivery: changes to the \d+ top-interest files/);
    const alone = runCli(['delivery', root, '--no-debt', '--format', 'json']);
    assert.equal(alone.code, 0, alone.stderr);
    assert.equal('topFiles' in JSON.parse(alone.stdout), false);
    const tooMany = runCli(['delivery', root, '--sprints', '100']);
    assert.equal(tooMany.code, 2);
    assert.match(tooMany.stderr, /--sprints "100": too big: expected number to be <=52 \(the bounds of deliverySprints/);
  });

  it('puts the figures in the JSON export when history is on, not with --no-git or --as-of', () => {
    const exported = runCli(['export', root, '--format', 'json']);
    assert.equal(exported.code, 0, exported.stderr);
    const delivery = (JSON.parse(exported.stdout) as { delivery?: DeliveryReport }).delivery;
    assert.deepEqual(delivery?.releases.map((r) => r.name), ['v1.0.0', 'v1.0.1', 'v1.1.0', 'v1.2.0', 'v2.0.0']);
    assert.equal(delivery.sprints.length, defaultConfig().deliverySprints);
    for (const args of [['--no-git'], ['--as-of', 'v1.2.0']]) {
      const without = runCli(['export', root, '--format', 'json', ...args]);
      assert.equal(without.code, 0, without.stderr);
      assert.equal('delivery' in JSON.parse(without.stdout), false, args.join(' '));
    }
  });
});

describe('delivery figures without release tags', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('counts merges to the current branch as releases when no tag matches', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': 'a\n' }, { date: '2026-01-19T10:00:00Z' });
    git(root, ['checkout', '-q', '-b', 'feature']);
    repo.commit({ 'b.ts': 'b\n' }, { date: '2026-01-20T10:00:00Z', message: 'add b' });
    git(root, ['checkout', '-q', 'main']);
    git(root, ['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], { GIT_COMMITTER_DATE: '2026-01-21T10:00:00Z', GIT_AUTHOR_DATE: '2026-01-21T10:00:00Z' });
    const report = await deliveryOf(root, config, options);
    assert.equal(report.releasesFrom, 'merges');
    assert.deepEqual(report.warnings.map((w) => w.code), ['delivery-no-tags']);
    // the merge ships a.ts's commit (48 h) and b.ts's (24 h)
    assert.deepEqual(shown(report.sprints[0]!.figures.leadTimeHours), ['ok', 36, 44.4, 2]);
  });

  it('says no data, with a warning, where there are no tags and no merges', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': 'a\n' }, { date: '2026-01-19T10:00:00Z' });
    writeFiles(root, { '.debt/incidents.json': JSON.stringify({ incidents: INCIDENTS.slice(0, 1) }) });
    const report = await deliveryOf(root, config, options);
    assert.deepEqual(report.warnings.map((w) => w.code), ['delivery-no-tags', 'delivery-no-releases']);
    const overall = report.overall.figures;
    assert.deepEqual([overall.deploymentFrequency, overall.leadTimeHours, overall.changeFailureRate].map((f) => f.status), ['no-data', 'no-data', 'no-data']);
    assert.deepEqual(shown(overall.timeToRestoreHours), ['not-enough-data', null, null, 1]);
  });

  it('counts every commit on the first-parent line as a release with releaseFrom "commits" (teams that squash-merge)', async () => {
    const repo = new ScriptedRepo(root);
    const landed = (hour: string) => git(root, ['commit', '-q', '--amend', '--no-edit'], { GIT_COMMITTER_DATE: hour });
    repo.commit({ 'a.ts': 'a\n' }, { date: '2026-01-19T10:00:00Z', message: 'add a (#1)' });
    landed('2026-01-19T12:00:00Z');
    repo.commit({ 'b.ts': 'b\n' }, { date: '2026-01-20T10:00:00Z', message: 'add b (#2)' });
    landed('2026-01-20T16:00:00Z');
    repo.commit({ 'b.ts': 'b2\n' }, { date: '2026-01-22T10:00:00Z', message: 'fix: b (#3)' });
    git(root, ['checkout', '-q', '-b', 'experiment']);
    repo.commit({ 'x.ts': 'x\n' }, { date: '2026-01-23T10:00:00Z', message: 'newer, on a branch with a tag, not on HEAD' });
    git(root, ['tag', 'experiment-1']);
    git(root, ['checkout', '-q', 'main']);
    const report = await deliveryOf(root, { ...config, releaseFrom: 'commits', deliveryMinSample: 3 }, options);
    assert.equal(report.releasesFrom, 'commits');
    assert.deepEqual(report.warnings, []);
    // each commit is its own release, landed 2 h, 6 h and 0 h after it was authored (p85 of [0, 2, 6]: 4.8); "add b" fixed by #3 within 7 days
    assert.deepEqual(report.releases.map((r) => [r.commits, r.failure]), [[1, null], [1, `fixed by ${git(root, ['rev-parse', 'main']).trim().slice(0, 10)}`], [1, null]]);
    assert.deepEqual(shown(report.sprints[0]!.figures.leadTimeHours), ['ok', 2, 4.8, 3]);
    assert.deepEqual(shown(report.sprints[0]!.figures.deploymentFrequency), ['ok', 1.5, 3]);
  });

  it('lets each commit ship itself where a committer clock ran behind its parent', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': 'a\n' }, { date: '2026-01-20T10:00:00Z', message: 'add a' });
    repo.commit({ 'b.ts': 'b\n' }, { date: '2026-01-19T08:00:00Z', message: 'add b, committed by a clock a day behind' });
    const report = await deliveryOf(root, { ...config, releaseFrom: 'commits' }, options);
    // "add b" is released no earlier than "add a", which it builds on: at 2026-01-20T10:00, 26 h after it was authored
    assert.deepEqual(report.releases.map((r) => [r.date, r.commits]), [['2026-01-20T10:00:00.000Z', 1], ['2026-01-20T10:00:00.000Z', 1]]);
  });

  it('says lead time has no data, and why, when most commits were authored the second they were released (squash-merged)', async () => {
    const repo = new ScriptedRepo(root);
    for (const [index, day] of ['19', '20', '21'].entries()) repo.commit({ [`f${index}.ts`]: 'x\n' }, { date: `2026-01-${day}T10:00:00Z`, message: `change ${index} (#${index})` });
    const lead = (await deliveryOf(root, { ...config, releaseFrom: 'commits', deliveryMinSample: 3 }, options)).sprints[0]!.figures.leadTimeHours;
    assert.deepEqual(shown(lead), ['no-data', null, null, 3]);
    assert.match(lead.terms, /^3 of 3 commits from author date to first release were authored the second they were released \(squash-merged/);
  });
});

describe('the delivery log (git log -z --name-status)', () => {
  let root: string;
  before(() => (root = makeTempDir()));
  after(() => removeDir(root));

  it('reads paths that look like a status letter, a commit hash or a new record exactly as they are', async () => {
    const hashLike = 'a'.repeat(40);
    const repo = new ScriptedRepo(root);
    const first = repo.commit({ M: 'm\n', [hashLike]: 'h\n', 'new\nline.ts': 'n\n' }, { date: '2026-01-19T10:00:00Z', message: `${hashLike}\n\nM` });
    const second = repo.commit({ M: null, 'D.ts': 'd\n' }, { date: '2026-01-20T10:00:00Z', message: 'second' });
    const log = (await readDeliveryLog(root)).commits;
    assert.deepEqual(
      log.map((commit) => [commit.hash, commit.message, [...commit.files].sort()]),
      [
        [second, 'second', ['D.ts', 'M']],
        [first, `${hashLike}\n\nM`, ['M', hashLike, 'new\nline.ts'].sort()],
      ],
    );
  });
});

describe('change failure: which release a revert undoes', () => {
  let root: string;
  before(() => (root = makeTempDir()));
  after(() => removeDir(root));

  it('fails the release that shipped the reverted commit, not a later one whose window the revert falls in', async () => {
    const repo = new ScriptedRepo(root);
    const first = repo.commit({ 'a.ts': 'a\n' }, { date: '2026-01-19T10:00:00Z', message: 'add a' });
    tag(root, 'v1.0.0', first, '2026-01-19T12:00:00Z');
    const second = repo.commit({ 'b.ts': 'b\n' }, { date: '2026-01-20T10:00:00Z', message: 'add b' });
    tag(root, 'v1.1.0', second, '2026-01-20T12:00:00Z');
    const revert = repo.commit({ 'a.ts': null }, { date: '2026-01-21T10:00:00Z', message: `Revert "add a"\n\nThis reverts commit ${first}.` });
    const loose = repo.commit({ 'b.ts': 'b\n// back\n' }, { date: '2026-01-25T10:00:00Z', message: 'Revert "tweak b" (#9)' });
    tag(root, 'v1.2.0', loose, '2026-01-25T12:00:00Z');
    const report = await deliveryOf(root, config, options);
    // the revert of "add a" falls in v1.1.0's window too, but v1.1.0 did not ship "add a"; the revert that names no
    // commit undoes v1.1.0 by the file it changes (b.ts)
    assert.deepEqual(
      report.releases.map((r) => [r.name, r.failure]),
      [
        ['v1.0.0', `reverted by ${revert.slice(0, 10)}`],
        ['v1.1.0', `reverted by ${loose.slice(0, 10)}`],
        ['v1.2.0', null],
      ],
    );
  });
});
