import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { commentsOf, languageOf } from '../../../../src/core/annotations';
import { analyzeSource } from '../../../../src/core/complexity/analyze';
import { loadTypeScript } from '../../../../src/core/complexity/typescript';

const FIXTURES = path.join(__dirname, '../../../fixtures/complexity');
const REPO = path.join(__dirname, '../../../..');

type Ts = typeof import('typescript');
let ts: Ts;

/** "kind name" → [cyclomatic, cognitive, nesting, loc] for each record of a fixture. */
function figuresOf(fixture: string): Record<string, number[]> {
  const file = path.join(FIXTURES, fixture);
  const { records } = analyzeSource(ts, file, readFileSync(file, 'utf8'));
  return Object.fromEntries(records.map((r) => [`${r.kind} ${r.name}${records.filter((o) => o.kind === r.kind && o.name === r.name).length > 1 ? ` @${r.line}` : ''}`, [r.cyclomatic, r.cognitive, r.nesting, r.loc]]));
}

describe('complexity metrics of each construct', function () {
  this.timeout(60_000);
  before(async () => {
    ts = await loadTypeScript();
  });

  it('counts statements, operators, defaults and members in both metrics', () => {
    assert.deepEqual(figuresOf('constructs.ts'), {
      // cyclomatic: 1 + 3 defaults + if + && || ?? + 2 ?. + for-of + while + 2 cases + catch + ||= &&= ??= + ternary;
      // cognitive: if + the && run + for-of + while (nested) + switch + catch + ternary; || ?? and assignments add nothing
      'function every': [19, 8, 2, 10],
      'function elseIfChain': [4, 4, 1, 6], // if, two else-if, else
      'function loops': [5, 9, 3, 8], // cognitive: for 1, for-in 2, if 3, labelled continue 1, do-while 2
      'function destructuring': [9, 0, 0, 7], // defaults and ?? are cyclomatic only
      'function recursion': [2, 1, 1, 3], // recursion itself adds nothing in sonarjs 4.2
      'function nested': [1, 0, 0, 4],
      'arrow inner': [2, 1, 1, 1],
      'function named': [3, 0, 0, 1],
      'function overloaded': [1, 0, 0, 1], // one record: the bodiless signatures get none
      'function generator': [2, 1, 1, 1],
      'arrow Shapes.zero': [1, 0, 0, 1],
      'class-field Shapes.zero': [1, 0, 0, 1], // a field holding an arrow: two records
      'class-field Shapes.area': [2, 1, 0, 1],
      'method Shapes.method': [2, 0, 0, 1],
      'getter Shapes.size': [3, 0, 0, 1],
      'setter Shapes.size': [2, 1, 1, 1],
      'static-block Shapes.static': [2, 1, 1, 1],
      'constructor Shapes.constructor': [3, 1, 1, 1],
      'method Shapes.abstractLike': [1, 0, 0, 1],
      'function decorated': [1, 0, 0, 1],
      'function default export': [1, 0, 0, 1],
      'arrow curried': [1, 0, 0, 1],
      'arrow <anonymous>': [2, 1, 0, 1],
      'method object.method': [1, 0, 0, 1],
      'arrow object.arrow': [2, 0, 0, 1],
      'function object.fn': [1, 0, 0, 1],
      'getter object.value': [1, 0, 0, 1],
    });
  });

  it('counts JSX conditionals as sonarjs does: a uniform && or || run in {} is free, a mixed one is not', () => {
    const figures = figuresOf('jsx.jsx');
    assert.deepEqual(figures['function Panel'], [18, 9, 1, 17]);
    assert.deepEqual(figures['arrow Lazy'], [9, 10, 2, 9]); // if, for, if+2, else-if, else, ternary, nested ternary+1, && run
  });

  it('charges the nesting sonarjs leaks after a function standing in a ?: branch', () => {
    const figures = figuresOf('leaks.ts');
    assert.deepEqual(figures['function chooser'], [6, 16, 3, 7]); // ?: 1; then two leaks: if 1+2, for-of 2+2, if 3+2, ?: 1+2
    assert.deepEqual(figures['function twoLeaks'], [6, 14, 2, 5]); // ?: 1 (two leaks), ?: 1+2 (a third), && 1, ?: 1+3, ?: 1+1+3
    // a class inside a function: its field's ?: and static block's if are the function's in sonarjs, records of their own in ESLint
    assert.deepEqual(figures['function factory'], [2, 3, 1, 9]);
    assert.deepEqual(figures['class-field Local.size'], [2, 1, 1, 1]);
  });

  it('reads comments from the same parse: JSX text is not a comment, {/* */} is', () => {
    const file = path.join(FIXTURES, 'jsx.jsx');
    const text = readFileSync(file, 'utf8');
    const comments = analyzeSource(ts, file, text).comments!.map((c) => text.slice(c.start, c.end));
    assert.deepEqual(comments, ['// JSX conditionals: sonarjs ignores a uniform && or || run straight inside {}, counts mixed ones.', '/* TODO(ann): a comment inside JSX is a comment; the // below is text */']);
  });

  it('finds exactly the comments the lexer finds in code without JSX: language fixtures and three packages', () => {
    const dirs = ['test/fixtures/languages/c-family', 'node_modules/zod/src/v4/core', 'node_modules/eslint/lib/rules', 'node_modules/@typescript-eslint/typescript-estree/dist'];
    let compared = 0;
    for (const dir of dirs.map((d) => path.join(REPO, d))) {
      for (const file of readdirSync(dir).filter((f) => /\.(?:[cm]?[jt]s)$/.test(f)).map((f) => path.join(dir, f))) {
        const text = readFileSync(file, 'utf8');
        const spans = (comments: ReadonlyArray<{ start: number; end: number }>) => comments.map((c) => text.slice(c.start, c.end));
        assert.deepEqual(spans(analyzeSource(ts, file, text).comments!), spans(commentsOf(text, languageOf(file)!)), file);
        compared++;
      }
    }
    assert.ok(compared > 300, `${compared} files compared`);
  });

  it('gives per-file totals and lines of code without blank or comment lines', () => {
    const text = 'function a(x) {\n  // only a comment\n\n  /* block\n     more */ return x ? 1 : 2;\n}\nconst b = () => 1;\n';
    const analysis = analyzeSource(ts, 'loc.js', text);
    assert.deepEqual(analysis.records.map((r) => [r.name, r.loc]), [['a', 3], ['b', 1]]);
    assert.deepEqual(analysis.totals, { functions: 2, cyclomatic: { sum: 3, max: 2 }, cognitive: { sum: 1, max: 1 }, loc: 4 });
  });
});

describe('complexity on bad input', function () {
  this.timeout(60_000);
  before(async () => {
    ts = await loadTypeScript();
  });

  it('survives 2,000 levels of nesting without a stack overflow', () => {
    const deep = analyzeSource(ts, 'deep.js', `function deep(x) {\n${'if (x) {\n'.repeat(2000)}${'}\n'.repeat(2000)}}\n`);
    const record = deep.records[0];
    if (record) assert.deepEqual([record.cyclomatic, record.cognitive, record.nesting], [2001, (2000 * 2001) / 2, 2000]);
    else assert.equal(deep.warnings[0]?.code, 'complexity-too-deep');
  });

  it('handles a 20,000-line generated file', () => {
    const text = Array.from({ length: 5000 }, (_, k) => `export function f${k}(a: number) {\n  if (a > ${k}) return a && ${k};\n  return a ? 0 : -1;\n}`).join('\n');
    const { records, totals } = analyzeSource(ts, 'generated.ts', text);
    assert.equal(text.split('\n').length, 20_000);
    assert.equal(records.length, 5000);
    assert.deepEqual([totals.cyclomatic.sum, totals.cognitive.sum, totals.loc], [5000 * 4, 5000 * 3, 20_000]);
  });

  it('gives nothing and no warning for a file holding only a BOM', () => {
    assert.deepEqual(analyzeSource(ts, 'bom.ts', '\uFEFF'), { records: [], totals: { functions: 0, cyclomatic: { sum: 0, max: 0 }, cognitive: { sum: 0, max: 0 }, loc: 0 }, comments: [], warnings: [] });
  });

  it('gives metrics for what parses and one warning with file and position for a syntax error', () => {
    const broken = analyzeSource(ts, 'broken.ts', 'function ok(a) { return a ? 1 : 2; }\nfunction broken( {\n  if (x) {\n');
    assert.deepEqual(broken.records.find((r) => r.name === 'ok')?.cyclomatic, 2);
    assert.equal(broken.warnings.length, 1);
    assert.deepEqual([broken.warnings[0]!.file, broken.warnings[0]!.code, broken.warnings[0]!.line, broken.warnings[0]!.column], ['broken.ts', 'complexity-syntax', 3, 6]);
  });

  it('reads a .js file that is really JSON as code without functions', () => {
    assert.deepEqual(analyzeSource(ts, 'data.js', '{ "a": [1, 2, {"b": null}] }\n').records, []);
  });

  it('reads Flow-annotated JS with a warning and metrics for what parsed', () => {
    const flow = '// @flow\nimport type { Node } from "./node";\nexport type Exact = {| x: number, y: ?string |};\nfunction norm(p: Exact): number {\n  return p.x > 0 ? p.x : -p.x;\n}\nfunction id(x: ?number): %checks {\n  return x && x > 1;\n}\n';
    const analysis = analyzeSource(ts, 'flow.js', flow);
    assert.deepEqual(analysis.records.map((r) => [r.name, r.cyclomatic, r.cognitive]), [['norm', 2, 1], ['id', 1, 0]]);
    assert.deepEqual(analysis.warnings.map((w) => [w.file, w.line, w.column, w.code]), [['flow.js', 3, 22, 'complexity-syntax']]);
  });
});
