import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { analyzeSource } from '../../../../src/core/complexity/cyclomatic';

const REPO = path.join(__dirname, '../../../..');
const FIXTURES = path.join(REPO, 'test/fixtures/complexity');

type Ts = typeof import('typescript');
let ts: Ts;

const recordsOf = (file: string, text = readFileSync(file, 'utf8')) => analyzeSource(ts, file, text).records;

/** ESLint's `complexity` rule (default variant) at threshold 0: every function's line, column and complexity. */
async function eslintRecords(files: string[]): Promise<Map<string, string[]>> {
  const byDir = new Map<string, string[]>();
  for (const file of files) byDir.set(path.dirname(file), [...(byDir.get(path.dirname(file)) ?? []), file]);
  const result = new Map<string, string[]>();
  for (const [dir, list] of byDir) {
    const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, ignore: false, overrideConfig: [{ files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } }, rules: { complexity: ['error', 0] } }] });
    for (const lint of await eslint.lintFiles(list)) {
      const fatal = lint.messages.find((m) => m.fatal);
      assert.equal(fatal, undefined, `${lint.filePath}: ${fatal?.message}`);
      result.set(lint.filePath, lint.messages.map((m) => `${m.line}:${m.column} ${/complexity of (\d+)/.exec(m.message)![1]}`).sort());
    }
  }
  return result;
}

const ours = (file: string): string[] => recordsOf(file).map((r) => `${r.line}:${r.column} ${r.cyclomatic}`).sort();

describe('cyclomatic complexity, equal to ESLint\'s complexity rule', function () {
  this.timeout(120_000);
  before(async () => {
    ts = (await import('ts-morph')).ts as unknown as Ts;
  });

  /** Real code of two packages pinned by package-lock.json, chosen for syntax variety, bounded in count. */
  const corpora: Array<[string, string, RegExp, number]> = [
    ['fixtures', FIXTURES, /\.tsx?$/, 10],
    ['zod (TypeScript: generics, overloads, arrows, classes)', path.join(REPO, 'node_modules/zod/src/v4/core'), /\.ts$/, 40],
    ['eslint (modern JavaScript: classes, optional chaining, generators)', path.join(REPO, 'node_modules/eslint/lib/rules'), /\.js$/, 80],
  ];
  for (const [name, dir, pattern, count] of corpora) {
    it(`agrees on every function's position and complexity: ${name}`, async () => {
      const files = readdirSync(dir).filter((f) => pattern.test(f)).sort().slice(0, count).map((f) => path.join(dir, f));
      const theirs = await eslintRecords(files);
      let compared = 0;
      for (const file of files) {
        assert.deepEqual(ours(file), theirs.get(file), file);
        compared += theirs.get(file)!.length;
      }
      assert.ok(compared > 10, `${compared} functions compared`);
    });
  }

  it('counts each construct as ESLint does', () => {
    const byName = new Map(recordsOf(path.join(FIXTURES, 'constructs.ts')).map((r) => [`${r.kind} ${r.name}`, r.cyclomatic]));
    assert.deepEqual(Object.fromEntries(byName), {
      'function every': 19, // 1 + 3 defaults + if + && || ?? + 2 ?. + for-of + while + 2 cases + catch + ||= &&= ??= + ternary
      'function elseIfChain': 4,
      'function loops': 5, // for, for-in, if, do-while; labels and continue add nothing
      'function destructuring': 9, // 1 + a = 1, c = 2, = [], d = 3, e = 4, d = 5, two ??
      'function recursion': 2,
      'function nested': 1,
      'arrow inner': 2,
      'function named': 3,
      'function overloaded': 1,
      'function generator': 2,
      'arrow Shapes.zero': 1,
      'class-field Shapes.zero': 1,
      'class-field Shapes.area': 2,
      'method Shapes.method': 2,
      'getter Shapes.size': 3,
      'setter Shapes.size': 2,
      'static-block Shapes.static': 2,
      'constructor Shapes.constructor': 3,
      'method Shapes.abstractLike': 1,
      'function decorated': 1,
      'function <anonymous>': 1,
      'arrow curried': 1,
      'arrow <anonymous>': 2,
      'method object.method': 1,
      'arrow object.arrow': 2,
      'function object.fn': 1,
      'getter object.value': 1,
    });
  });

  it('survives bad input: 2,000 levels of nesting, a file holding only a BOM, a syntax error, JSON in a .js file', () => {
    const deep = analyzeSource(ts, 'deep.js', `function deep(x) {\n${'if (x) {\n'.repeat(2000)}${'}\n'.repeat(2000)}}\n`);
    assert.ok(deep.records[0]?.cyclomatic === 2001 || deep.warnings[0]?.code === 'complexity-too-deep', JSON.stringify(deep.warnings));
    assert.deepEqual(analyzeSource(ts, 'bom.ts', '\uFEFF'), { records: [], warnings: [] });
    const broken = analyzeSource(ts, 'broken.ts', 'function ok(a) { return a ? 1 : 2; }\nfunction broken( {\n  if (x) {\n');
    assert.equal(broken.records.find((r) => r.name === 'ok')?.cyclomatic, 2);
    assert.deepEqual([broken.warnings[0]?.file, broken.warnings[0]?.code], ['broken.ts', 'complexity-syntax']);
    assert.ok((broken.warnings[0]?.line ?? 0) >= 2, 'the warning points past the good function');
    assert.deepEqual(analyzeSource(ts, 'data.js', '{ "a": [1, 2, {"b": null}] }\n').records, []);
  });
});
