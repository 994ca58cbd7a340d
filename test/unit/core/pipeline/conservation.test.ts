import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultConfig, type TeamConfig } from '../../../../src/core/config';
import { incidentsOf } from '../../../../src/core/history/incidents';
import type { AnnotationItem, HotspotItem, Impact } from '../../../../src/core/model';
import { historyScorer } from '../../../../src/core/pipeline/historyScorer';
import { scanFolder } from '../../../../src/core/pipeline/scanFolder';
import { scoringInputsOf, type ScoringGround } from '../../../../src/core/pipeline/scoringInput';
import { scoreItem } from '../../../../src/core/scoring/score';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { makeTempDir, removeDir } from '../../../helpers/tempDir';

const IMPACTS: Impact[] = ['low', 'medium', 'high', 'critical'];
const base = { file: 'a.ts', line: 1, column: 1, endLine: 1, language: 'typescript', warnings: [] };

/** A file of functions, hotspots on some, annotations in some (or in none), with any history. */
const arbitraryFile = fc.record({
  functions: fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 0, maxLength: 6 }),
  extraCognitive: fc.integer({ min: 0, max: 50 }),
  lines: fc.integer({ min: 0, max: 5000 }),
  weighted: fc.float({ min: 0, max: 40, noNaN: true }),
  fixes: fc.float({ min: 0, max: 10, noNaN: true }),
  hotspots: fc.array(fc.nat(), { maxLength: 6 }),
  annotations: fc.array(fc.record({ in: fc.option(fc.nat(), { nil: undefined }), impact: fc.option(fc.constantFrom(...IMPACTS), { nil: undefined }) }), { maxLength: 8 }),
  parsed: fc.boolean(),
});

describe('interest is conserved', () => {
  it('for any file and items, the items\' measured interest plus the remainder add up to the file\'s cost', () => {
    fc.assert(
      fc.property(arbitraryFile, (f) => {
        const fn = (k: number) => ({ name: `f${k % Math.max(1, f.functions.length)}`, cognitive: f.functions[k % Math.max(1, f.functions.length)] ?? 0 });
        const hotspots: HotspotItem[] = f.functions.length === 0 ? [] : [...new Set(f.hotspots.map((k) => k % f.functions.length))].map((k) => ({ ...base, id: `h${k}`, kind: 'hotspot', name: fn(k).name, metrics: { cognitive: fn(k).cognitive, cyclomatic: 1, nesting: 0, loc: 1, params: 0 } }));
        const annotations: AnnotationItem[] = f.annotations.map((a, k) => ({ ...base, id: `a${k}`, kind: 'annotation', tag: 'TODO', text: `t${k}`, meta: a.impact ? { impact: a.impact } : {}, ...(a.in !== undefined && f.functions.length > 0 ? { enclosing: fn(a.in) } : {}) }));
        const cognitive = f.functions.reduce((s, c) => s + c, 0) + f.extraCognitive;
        const config: TeamConfig = { ...defaultConfig(), fileItemMinInterest: 0 };
        const ground: ScoringGround = {
          config,
          history: { available: true, head: 'h', asOf: 0, windowDays: 180, commits: 1, files: new Map([['a.ts', { commits: 1, weightedCommits: f.weighted, linesChurned: 0, authors: 1, lastChange: '2026-01-01T00:00:00Z', fixCommits: 1, weightedFixCommits: f.fixes, incidents: [] }]]) },
          incidents: incidentsOf([]),
          asOfMs: 0,
          measures: new Map([['a.ts', { file: 'a.ts', lines: f.lines, ...(f.parsed ? { complexity: { functions: f.functions.length, cognitive, cyclomatic: 0 } } : {}) }]]),
          linesOf: () => 0,
        };
        const { inputs, health } = scoringInputsOf([...hotspots, ...annotations], ground);
        const file = health.find((h) => h.file === 'a.ts')!;
        const scores = inputs.map(scoreItem);
        for (const s of scores) assert.ok(s.share >= 0 && s.share <= 1 + 1e-9, `share ${s.share}`);
        const shares = scores.reduce((sum, s) => sum + s.share, 0);
        const measured = scores.reduce((sum, s) => sum + (s.interest - s.statedInterest), 0);
        if (file.interest > 0) assert.ok(Math.abs(shares - 1) < 1e-9, `shares add up to ${shares}`);
        assert.ok(Math.abs(measured - file.interest) < 1e-9 * Math.max(1, file.interest), `items ${measured} vs file ${file.interest}`);
      }),
      { numRuns: 500 },
    );
  });

  describe('in a scanned repository', () => {
    let root: string;
    before(() => {
      root = makeTempDir();
      const repo = new ScriptedRepo(root);
      const body = (k: number) => `${Array.from({ length: 60 }, (_, i) => `export const v${i} = ${i + k};`).join('\n')}\n`;
      const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
      repo.commit({ 'quiet.ts': 'export const q = 1;\n', 'costly.ts': body(0) }, { date: daysAgo(40) });
      const prose = (k: number) => `# Guide\n\n${Array.from({ length: 60 }, (_, i) => `Step ${i + k} of the guide.`).join('\n')}\n`;
      for (let k = 1; k <= 10; k++) repo.commit({ 'costly.ts': body(k), 'guide.md': prose(k) }, { date: daysAgo(30 - k), message: k % 2 ? 'fix: off by one' : 'tune' });
      repo.commit({ 'notes.ts': '// TODO: one\n// TODO: two\n// TODO: three\nexport const n = 1;\n' }, { date: daysAgo(10) });
    });
    after(() => removeDir(root));

    it('gives a costly file with no comment a file item (prose keeps its health record only), and three TODOs no more than the file costs', async () => {
      const scan = await scanFolder(root);
      const { health, fileItems, scored } = await historyScorer().score(root, scan.items, { config: defaultConfig(), git: true, measures: scan.files });
      assert.deepEqual(health.map((h) => h.file).sort(), ['costly.ts', 'guide.md', 'notes.ts', 'quiet.ts']);
      assert.ok(health.find((h) => h.file === 'guide.md')!.interest >= defaultConfig().fileItemMinInterest, 'the guide costs as much as a file item would');
      assert.deepEqual(fileItems.map((item) => item.file), ['costly.ts']);
      const costly = health.find((h) => h.file === 'costly.ts')!;
      assert.deepEqual([costly.commits, costly.fixCommits, costly.lines], [11, 5, 60]);
      assert.equal(scored.get(fileItems[0]!.id)!.score.interest, costly.interest);
      const notes = health.find((h) => h.file === 'notes.ts')!;
      const todos = scan.items.filter((item) => item.file === 'notes.ts').map((item) => scored.get(item.id)!.score.interest);
      assert.equal(todos.length, 3);
      assert.ok(Math.abs(todos.reduce((a, b) => a + b, 0) - notes.interest) < 1e-12);
    });
  });
});
