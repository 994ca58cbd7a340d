import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runCli } from '../../helpers/cli';
import { git, initRepo, makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';
import type { PortfolioView } from '../../../src/core/portfolio/view';

describe('debt-portfolio plan, status, export, report, check (CLI)', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
    chmodSync(root, 0o755);
    writeFiles(root, {
      'a.py': '# TODO(alice, effort=3h): one\n# FIXME(effort=1d, impact=high): two\n',
      'b.js': '// HACK: three\n',
    });
  });
  afterEach(() => removeDir(root));

  const exportJson = (): PortfolioView => JSON.parse(runCli(['export', root, '--no-git', '--format', 'json']).stdout) as PortfolioView;

  it('records a decision with status, and every surface shows it', () => {
    const id = exportJson().items.find((item) => item.kind === 'annotation' && item.text === 'two')!.id;
    const run = runCli(['status', id.slice(0, 8), '--dir', root, '--set', 'planned', '--sprint', '3', '--note', 'pair on it', '--pin']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^${id} planned sprint 3 pinned: FIXME two`));
    const item = exportJson().items.find((i) => i.id === id)!;
    assert.deepEqual({ status: item.status, sprint: item.sprint, pinned: item.pinned, notes: item.notes }, { status: 'planned', sprint: 3, pinned: true, notes: 'pair on it' });
    const scanned = JSON.parse(runCli(['scan', root, '--no-git', '--format', 'json']).stdout) as { items: Array<{ id: string; status: string }> };
    assert.equal(scanned.items.find((i) => i.id === id)?.status, 'planned');
  });

  it('plans the next sprint with pinned items first, as table, JSON and Markdown', () => {
    const id = exportJson().items.find((item) => item.kind === 'annotation' && item.text === 'three')!.id;
    runCli(['status', id, '--dir', root, '--pin']);
    const json = JSON.parse(runCli(['plan', root, '--no-git', '--format', 'json', '--capacity', '100', '--allocation', '10']).stdout);
    assert.equal(json.budget, 10);
    assert.deepEqual(json.items.map((i: { id: string; reason: string }) => [i.id, i.reason]), [[id, 'pinned']]);
    assert.ok(Array.isArray(json.roadmap) && json.roadmap.length === 4);
    // the pinned HACK (4 h), then the FIXME its stated impact (high: 1 h/sprint, stated by the team) lets into the plan (8 h)
    assert.match(runCli(['plan', root, '--no-git']).stdout, /^Sprint \d+ \(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}\): 12 of 48 h/m);
    assert.match(runCli(['plan', root, '--no-git', '--format', 'md']).stdout, /^# Debt plan: sprint \d+/);
  });

  it('exports CSV and SARIF', () => {
    const csv = parse(runCli(['export', root, '--no-git', '--format', 'csv']).stdout, { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(csv.map((row) => row.Summary).sort(), ['[FIXME] two', '[HACK] three', '[TODO] one']);
    assert.equal(csv.find((row) => row.Summary === '[FIXME] two')!.Estimate, '8');
    const out = path.join(root, 'out.sarif');
    assert.equal(runCli(['export', root, '--no-git', '--format', 'sarif', '--out', out]).code, 0);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).runs[0].results.length, 3);
  });

  it('writes the standalone HTML report with the data inside', () => {
    const out = path.join(root, 'report.html');
    const run = runCli(['report', root, '--no-git', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<script id="dashboard-model" type="application\/json">\{/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.ok(!/<script[^>]+src=/.test(html), 'nothing loaded from elsewhere');
  });

  it('gates CI: new debt without META against a base ref fails with exit 1, and interest over budget', () => {
    initRepo(root);
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'base']);
    assert.equal(runCli(['check', root, '--base', 'HEAD']).code, 0);
    writeFiles(root, { 'c.ts': '// TODO: no meta here\n// TODO(bob): has meta\n', 'moved.py': '# HACK: three\n' });
    writeFileSync(path.join(root, 'b.js'), '');
    const run = runCli(['check', root, '--base', 'HEAD']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^c\.ts:1:4: new TODO without META: no meta here$/m);
    assert.doesNotMatch(run.stdout, /moved\.py|has meta/);
    assert.match(run.stdout, /check failed: 1 new debt item\(s\) without META/);
    writeFiles(root, { '.debt/config.json': JSON.stringify({ interestBudget: 1000 }) });
    assert.equal(runCli(['check', root]).code, 0, 'within the budget');
    const over = runCli(['check', root, '--max-interest', '0']);
    assert.equal(over.code, 1);
    assert.match(over.stdout, /total interest \d+\.\d+ h\/sprint is over the budget of 0 h\/sprint/);
  });

  it('gives scan --format json each annotation\'s age and each file\'s history figures in a git repository', () => {
    initRepo(root);
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'fix: first'], { GIT_AUTHOR_DATE: '2026-01-10T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-10T00:00:00Z' });
    const out = JSON.parse(runCli(['scan', root, '--format', 'json', '--since', '10y']).stdout);
    const item = out.items.find((i: { text: string }) => i.text === 'one');
    assert.deepEqual({ introduced: item.age.introduced, author: item.age.author }, { introduced: '2026-01-10T00:00:00.000Z', author: 'Test' });
    assert.deepEqual(Object.keys(out.files).sort(), ['a.py', 'b.js']);
    assert.deepEqual({ commits: out.files['a.py'].commits, fixCommits: out.files['a.py'].fixCommits, authors: out.files['a.py'].authors, lastChange: out.files['a.py'].lastChange }, { commits: 1, fixCommits: 1, authors: 1, lastChange: '2026-01-10T00:00:00.000Z' });
    assert.ok(item.score.terms.some((t: { name: string }) => t.name === 'cycleTimeInterest'));
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['an unknown status', ['status', 'abcdef12', '--set', 'maybe'], /--set must be one of open, planned, accepted, wontfix/],
    ['a malformed id', ['status', 'xyz', '--set', 'open'], /is not an item id/],
    ['an unknown id', ['status', 'abcdef1234', '--set', 'open', '--no-git'], /no item with id abcdef1234/],
    ['no change', ['status', 'abcdef12'], /nothing to change/],
    ['an export without format', ['export', '--no-git'], /--format is required/],
    ['a bad export format', ['export', '--format', 'xlsx'], /--format must be one of csv, json, md, sarif/],
    ['a bad capacity', ['plan', '--capacity', 'lots'], /^debt-portfolio plan: --capacity "lots": not a number \(the bounds of capacityHours in \.debt\/config\.json\)\n$/],
    ['a capacity over the config\'s bound', ['plan', '--capacity', '1e9'], /--capacity "1e9": too big: expected number to be <=100000 \(the bounds of capacityHours/],
    ['an allocation over 100 %', ['plan', '--allocation', '150'], /--allocation "150": too big: expected number to be <=100/],
    ['a roadmap of 0 sprints', ['plan', '--sprints', '0'], /--sprints "0": too small: expected number to be >=1 \(the bounds of roadmapSprints/],
    ['a fractional roadmap', ['plan', '--sprints', '2.5'], /--sprints "2\.5": invalid input: expected int/],
    ['a trend of 100000 sprints', ['trend', '--sprints', '100000'], /^debt-portfolio trend: --sprints "100000": too big: expected number to be <=52 \(the bounds of trendSprints in \.debt\/config\.json\)\n$/],
    ['an infinite interest budget', ['check', '--no-git', '--max-interest', '1e400'], /--max-interest "1e400": /],
    ['a negative interest budget', ['check', '--no-git', '--max-interest=-1'], /--max-interest "-1": too small/],
    ['a history window over ten years', ['scan', '--since', '9999y'], /--since must be at most 3650 days \(10y\)/],
    ['a bad base ref', ['check', '--base', 'no-such-ref'], /"no-such-ref" is not a commit here/],
    ['a ref that looks like an option', ['check', '--base=--output=/tmp/x'], /may not start with "-"/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 for ${name}`, () => {
      if (name.includes('ref')) initRepo(root);
      const run = runCli(args, { cwd: root });
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.stderr, message);
    });
  }

  it('never writes over a corrupt store: reports it and exits 2 on a change', () => {
    writeFiles(root, { '.debt/portfolio.json': '{ "schemaVersion": 2, "items": {' });
    const run = runCli(['status', 'abcdef12', '--dir', root, '--set', 'open']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.debt\/portfolio\.json: is not valid JSON/);
    const exported = runCli(['export', root, '--no-git', '--format', 'json']);
    assert.equal(exported.code, 0);
    assert.match(exported.stderr, /read-only until it is fixed|is not valid JSON/);
    assert.equal(readFileSync(path.join(root, '.debt/portfolio.json'), 'utf8'), '{ "schemaVersion": 2, "items": {');
  });
});
