import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as parser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import sonarjs from 'eslint-plugin-sonarjs';
import { analyzeSource } from '../../../../src/core/complexity/analyze';
import { loadTypeScript } from '../../../../src/core/complexity/typescript';

const REPO = path.join(__dirname, '../../../..');
const FIXTURES = path.join(REPO, 'test/fixtures/complexity');

type Ts = typeof import('typescript');
let ts: Ts;

interface Reported {
  complexity: string[];
  cognitive: string[];
}

/** ESLint 9 with `complexity` and sonarjs `cognitive-complexity` at threshold 0: every report as "line:column value". */
async function eslintReports(files: string[]): Promise<Map<string, Reported>> {
  const byDir = new Map<string, string[]>();
  for (const file of files) byDir.set(path.dirname(file), [...(byDir.get(path.dirname(file)) ?? []), file]);
  const result = new Map<string, Reported>();
  for (const [dir, list] of byDir) {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      ignore: false,
      overrideConfig: [{ files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'], plugins: { sonarjs }, languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } }, rules: { complexity: ['error', 0], 'sonarjs/cognitive-complexity': ['error', 0] } }],
    });
    for (const lint of await eslint.lintFiles(list)) {
      const fatal = lint.messages.find((m) => m.fatal);
      assert.equal(fatal, undefined, `${lint.filePath}: ${fatal?.message}`);
      const of = (rule: string, pattern: RegExp) => lint.messages.filter((m) => m.ruleId === rule).map((m) => `${m.line}:${m.column} ${pattern.exec(m.message)![1]}`).sort();
      result.set(lint.filePath, { complexity: of('complexity', /complexity of (\d+)/), cognitive: of('sonarjs/cognitive-complexity', /Complexity from (\d+)/) });
    }
  }
  return result;
}

/** Ours, in the same shape; sonarjs reports only functions scoring above 0, and never class fields or static blocks. */
function ourReports(file: string): Reported {
  const { records } = analyzeSource(ts, file, readFileSync(file, 'utf8'));
  return {
    complexity: records.map((r) => `${r.line}:${r.column} ${r.cyclomatic}`).sort(),
    cognitive: records.filter((r) => r.cognitiveAt && r.cognitive > 0).map((r) => `${r.cognitiveAt!.line}:${r.cognitiveAt!.column} ${r.cognitive}`).sort(),
  };
}

describe('complexity equal to ESLint\'s complexity rule and sonarjs cognitive-complexity', function () {
  this.timeout(180_000);
  before(async () => {
    ts = await loadTypeScript();
  });

  /** The fixtures and real code of packages pinned by package-lock.json, chosen for syntax variety. */
  const corpora: Array<[string, string, RegExp]> = [
    ['fixtures', FIXTURES, /\.[jt]sx?$/],
    ['zod (TypeScript: generics, overloads, arrows, classes)', path.join(REPO, 'node_modules/zod/src/v4/core'), /\.ts$/],
    ['eslint rules (modern JavaScript: classes, optional chaining, generators)', path.join(REPO, 'node_modules/eslint/lib/rules'), /\.js$/],
    ['typescript-estree (TypeScript compiled to CommonJS)', path.join(REPO, 'node_modules/@typescript-eslint/typescript-estree/dist'), /\.js$/],
  ];
  for (const [name, dir, pattern] of corpora) {
    it(`agrees on every function's position and both numbers: ${name}`, async () => {
      const files = readdirSync(dir).filter((f) => pattern.test(f)).sort().map((f) => path.join(dir, f));
      const theirs = await eslintReports(files);
      let compared = 0;
      for (const file of files) {
        assert.deepEqual(ourReports(file), theirs.get(file), file);
        compared += theirs.get(file)!.complexity.length;
      }
      assert.ok(compared > 10, `${compared} functions compared`);
    });
  }
});
