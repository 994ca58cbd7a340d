import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig } from '../../../../src/core/config';
import { readHistory } from '../../../../src/core/history/history';
import { loadIncidents } from '../../../../src/core/history/incidents';
import type { AnnotationItem } from '../../../../src/core/model';
import { scanFolder as scan } from '../../../../src/core/pipeline/scanFolder';
import { historyScorer, historySettingsOf } from '../../../../src/core/pipeline/historyScorer';
import { fileHealthOf } from '../../../../src/core/scoring/fileCost';
import { penaltyOf, principalOf, scoreItem } from '../../../../src/core/scoring/score';
import { splitFile } from '../../../../src/core/scoring/share';
import { ScriptedRepo, seconds } from '../../../helpers/gitRepo';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const config = defaultConfig();
const AS_OF = '2026-06-30T00:00:00Z';
const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;
const annotation = (overrides: Partial<AnnotationItem> = {}): AnnotationItem => ({ id: '0'.repeat(16), kind: 'annotation', tag: 'TODO', text: 'x', meta: {}, file: 'svc.py', line: 1, column: 3, endLine: 1, language: 'python', warnings: [], ...overrides });

describe('scoring', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('works out a small scenario exactly as by hand', async () => {
    const body = `# FIXME(impact=high, effort=2d): retries\n${Array.from({ length: 49 }, (_, i) => `x${i} = ${i}`).join('\n')}\n`; // 50 non-blank lines
    const repo = new ScriptedRepo(root);
    repo.commit({ 'setup.cfg': '[x]\n' }, { date: '2026-01-01T00:00:00Z' }); // the root commit: an import, never churn
    repo.commit({ 'svc.py': body }, { date: '2026-04-01T00:00:00Z' }); // 90 days before: weight 0.5
    repo.commit({ 'svc.py': `${body}\n` }, { date: AS_OF, message: 'fix: retry storm' }); // weight 1, a fix
    writeFiles(root, { '.debt/incidents.json': JSON.stringify({ incidents: [{ id: 'INC-9', date: '2026-05-16', severity: 'SEV2', paths: ['*.py'], title: 'retry storm' }] }) });
    const history = await readHistory(root, historySettingsOf(config), { asOf: seconds(AS_OF) });
    assert.ok(history.available);
    const item = (await scan(root, { noGit: true })).items[0] as AnnotationItem;
    const { incidents } = loadIncidents(root);
    const file = fileHealthOf({ measure: { file: 'svc.py', lines: 50 }, history: history.files.get('svc.py'), windowDays: 180, incidents: incidents.forFile('svc.py').map((incident) => ({ incident, ageDays: 45 })), settings: config });
    const split = splitFile([item], undefined, config);
    const score = scoreItem({ item, file, share: split.shares.get(item.id)!, settings: config });
    // sprints in the window: 180 / 14 = 12.857143
    // changes/sprint: (1 + 0.5) / 12.857143 + 0.12 expected of any file = 0.236667
    // penalty (file proxy 50 / 25 = 2): 1.24 × 2 / (2 + 15) = 0.145882
    // cycle time: 0.236667 × 4 h × 0.145882 = 0.138102 h/sprint
    // fixes: 1 / 12.857143 × 6 h = 0.466667; incident INC-9 SEV2: 16 h × 0.5^(45/90) / 12.857143 = 0.879955
    // file: 0.138102 + 1.346622 = 1.484724 h/sprint; the only item, outside any function: 100% of it (over the high floor of 1 h)
    // principal: 2d × 8 h = 16 h; payback 16 / 1.484724 = 10.776416 sprints
    assert.deepEqual([file.commits, file.fixCommits, file.authors, file.lines], [2, 1, 1, 50]);
    assert.deepEqual([split.remainder, score.share, score.statedInterest], [0, 1, 0]);
    assert.deepEqual([score.interest, score.cycleTimeInterest, score.incidentInterest, score.principal, score.payback].map((n) => round6(n!)), [1.484724, 0.138102, 1.346622, 16, 10.776416]);
    const formulas = Object.fromEntries(score.terms.map((t) => [t.name, t.formula]));
    assert.equal(formulas.changesPerSprint, '1.5 recency-weighted commits ÷ 12.86 sprints + 0.12 expected of any file');
    assert.equal(formulas.cycleTimeInterest, '0.24 changes/sprint × 4 h × 0.15');
    assert.equal(formulas.share, "100% of the file's 1.5 h/sprint (outside the functions items hold (100% of the file))");
    assert.equal(formulas.principal, 'effort 2d × 8 h');
    assert.match(formulas.incidentInterest!, /INC-9 SEV2/);
  });

  it('is monotone in changes and complexity, and payback × interest = principal', () => {
    fc.assert(
      fc.property(fc.float({ min: 0, max: 50, noNaN: true }), fc.float({ min: 0, max: 50, noNaN: true }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), (c1, dc, x1, dx) => {
        const history = (weighted: number) => ({ commits: 1, weightedCommits: weighted, linesChurned: 0, authors: 1, lastChange: AS_OF, fixCommits: 0, weightedFixCommits: 0, incidents: [] });
        const at = (weighted: number, lines: number) => {
          const file = fileHealthOf({ measure: { file: 'svc.py', lines }, history: history(weighted), windowDays: 180, incidents: [], settings: config });
          return scoreItem({ item: annotation(), file, share: { fraction: 1, basis: 't' }, settings: config });
        };
        const base = at(c1, x1);
        assert.ok(at(c1 + dc, x1).interest >= base.interest - 1e-12);
        assert.ok(at(c1, x1 + dx).interest >= base.interest - 1e-12);
        if (base.payback !== null) assert.ok(Math.abs(base.payback * base.interest - base.principal) < 1e-6);
        else assert.equal(base.interest, 0);
      }),
      { numRuns: 300 },
    );
  });

  it('bounds the penalty by pmax', () => {
    assert.equal(penaltyOf(0, config), 0);
    assert.equal(penaltyOf(15, config), 0.62);
    assert.ok(penaltyOf(1e9, config) < 1.24);
  });

  it('takes principal from META effort, the tag default, or a hotspot\'s excess', () => {
    assert.equal(principalOf(annotation({ meta: { effort: '30m' } }), config).value, 0.5);
    assert.equal(principalOf(annotation({ meta: { effort: '3pt' } }), config).value, 12);
    assert.equal(principalOf(annotation({ tag: 'REFACTOR' }), config).value, 8);
    assert.equal(principalOf(annotation({ tag: 'NOTE' }), config).value, 2);
    const hotspot = { id: '1'.repeat(16), kind: 'hotspot' as const, name: 'f', metrics: { cognitive: 25, cyclomatic: 12, nesting: 3, loc: 40, params: 2 }, file: 'a.ts', line: 1, column: 1, endLine: 40, language: 'typescript', warnings: [] };
    assert.equal(principalOf(hotspot, config).value, 2 + (10 + 2) * 0.5);
  });

  it('scores with history off: no changes, and says why', async () => {
    writeFiles(root, { 'svc.py': '# TODO(effort=4h): x\n' });
    const items = (await scan(root, { noGit: true })).items;
    const { scored, notices } = await historyScorer().score(root, items, { config, git: false });
    const score = scored.get(items[0]!.id)!.score;
    assert.deepEqual([score.interest, score.principal, score.payback], [0, 4, null]);
    assert.match(notices[0]!, /^git history is off: /);
  });

  it('lets newly tagged debt with a stated impact enter a plan: a floor stated by the team, replaced by measured history as it accrues', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'README.md': '# x\n' }, { date: '2026-01-01T00:00:00Z' });
    repo.commit({ 'svc.py': '# FIXME(impact: medium, effort: 2h): retries\nx = 1\n' }, { date: '2026-06-29T00:00:00Z' });
    const scan1 = await scan(root);
    const fresh = (await historyScorer().score(root, scan1.items, { config, git: true, measures: scan1.files })).scored.get(scan1.items[0]!.id)!.score;
    assert.deepEqual([fresh.interest, fresh.payback], [0.5, 4]);
    assert.ok(fresh.interest > fresh.statedInterest && fresh.statedInterest > 0.49);
    assert.match(fresh.terms.find((t) => t.name === 'interest')!.formula, /^impact medium: 0\.5 h\/sprint, stated by the team, not measured/);
    for (let k = 0; k < 12; k++) repo.commit({ 'svc.py': `# FIXME(impact: medium, effort: 2h): retries\nx = ${k + 2}\n` }, { date: `2026-06-29T${String(k + 1).padStart(2, "0")}:00:00Z`, message: 'fix: retries again' });
    const scan2 = await scan(root);
    const measured = (await historyScorer().score(root, scan2.items, { config, git: true, measures: scan2.files })).scored.get(scan2.items[0]!.id)!.score;
    assert.ok(measured.interest > 0.5 && measured.statedInterest === 0, `measured ${measured.interest}`);
  });

  it('reports a corrupt incidents file once, with its name, and scores without it', async () => {
    writeFiles(root, { 'svc.py': '# TODO: x\n', '.debt/incidents.json': '{"incidents": [{"id": "INC-1", "severity": "SEV9"}]}' });
    const items = (await scan(root, { noGit: true })).items;
    const { notices } = await historyScorer().score(root, items, { config, git: false });
    assert.equal(notices.filter((n) => n.startsWith('.debt/incidents.json: ')).length, 1);
    writeFiles(root, { '.debt/incidents.json': '{ not json' });
    assert.match((await historyScorer().score(root, items, { config, git: false })).notices.join('\n'), /\.debt\/incidents\.json: not valid JSON/);
  });

  it('dates each annotation by blame, and lines not committed yet as now', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '// TODO: old\n' }, { date: '2026-03-03T12:00:00Z', author: 'Carol <c@x>' });
    writeFiles(root, { 'a.ts': '// TODO: old\n// FIXME: new\n' });
    const items = (await scan(root)).items;
    const { scored } = await historyScorer().score(root, items, { config, git: true });
    const ages = items.map((item) => scored.get(item.id)!.age);
    assert.deepEqual(ages[0], { introduced: '2026-03-03T12:00:00.000Z', author: 'Carol', commit: ages[0]!.commit });
    assert.match(ages[0]!.commit, /^[0-9a-f]{40}$/);
    assert.equal(ages[1]!.author, 'Not Committed Yet');
  });

  it('runs no blame when asked for cached ages only, and says ages are pending until a file is blamed as it is', async () => {
    const repo = new ScriptedRepo(root);
    repo.commit({ 'a.ts': '// TODO: old\n' }, { date: '2026-03-03T12:00:00Z', author: 'Carol <c@x>' });
    const items = (await scan(root)).items;
    const scorer = historyScorer();
    const quick = await scorer.score(root, items, { config, git: true, blame: 'cached' });
    assert.deepEqual([quick.agesPending, quick.scored.get(items[0]!.id)!.age], [true, undefined]);
    const full = await scorer.score(root, items, { config, git: true });
    assert.deepEqual([full.agesPending, full.scored.get(items[0]!.id)!.age?.author], [false, 'Carol']);
    const again = await scorer.score(root, items, { config, git: true, blame: 'cached' });
    assert.deepEqual([again.agesPending, again.scored.get(items[0]!.id)!.age?.author], [false, 'Carol']);
  });

  it('shares a TS/JS file\'s cost by each function\'s part of its cognitive complexity, and a file without one by what is left', async () => {
    const repo = new ScriptedRepo(root);
    const ts = 'export function parse(a: number, b: number) {\n  // TODO: inside\n  if (a) { if (b) { return a && b; } }\n  const f = () => {\n    // FIXME: in the arrow\n    return a ? 1 : 2;\n  };\n  return f();\n}\nexport function g(x: number) {\n  return x ? 1 : 0;\n}\n';
    repo.commit({ 'README.md': '# x\n' }, { date: '2026-01-01T00:00:00Z' });
    repo.commit({ 'a.ts': ts, 'b.py': '# TODO: python\n' }, { date: '2026-06-01T00:00:00Z' });
    const scanned = await scan(root);
    const items = scanned.items as AnnotationItem[];
    assert.deepEqual(items.map((i) => [i.text, i.enclosing]), [['inside', { name: 'parse', cognitive: 4 }], ['in the arrow', { name: 'f', cognitive: 1 }], ['python', undefined]]);
    assert.deepEqual(scanned.files.find((f) => f.file === 'a.ts')!.complexity, { functions: 3, cognitive: 6, cyclomatic: 8 });
    const { scored, health } = await historyScorer().score(root, items, { config, git: true, measures: scanned.files });
    const share = (item: AnnotationItem) => scored.get(item.id)!.score.terms.find((t) => t.name === 'share')!;
    assert.equal(round6(share(items[0]!).value), round6(4 / 6));
    assert.match(share(items[0]!).formula, /^66\.7% of the file's [\d.]+ h\/sprint \(parse: cognitive 4 of the file's 6\)$/);
    assert.equal(round6(share(items[1]!).value), round6(1 / 6));
    assert.equal(share(items[2]!).value, 1);
    assert.match(health.find((h) => h.file === 'a.ts')!.terms.find((t) => t.name === 'complexityPenalty')!.formula, /\(cognitive complexity of the file's 3 functions\)$/);
    assert.match(health.find((h) => h.file === 'b.py')!.terms.find((t) => t.name === 'complexityPenalty')!.formula, /\(file proxy: 1 lines ÷ 25\)$/);
  });
});
