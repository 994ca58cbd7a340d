import assert from 'node:assert/strict';
import { DEFAULT_TAGS, findAnnotations, languageOf, tagMatcher } from '../../../../src/core/annotations';

const texts = (source: string, file = 'a.ts') => findAnnotations(source, languageOf(file)!, file, tagMatcher(DEFAULT_TAGS)).map((found) => [found.text, found.line, found.endLine]);

describe('an annotation continued by the comment lines after it', () => {
  it('takes prose lines, indented or not, ending in a comma or a period', () => {
    assert.deepEqual(texts('// TODO: split the parser when\n// the v2 grammar lands, and\n//   drop the shim.\nconst x = 1;\n'), [['split the parser when the v2 grammar lands, and drop the shim.', 1, 3]]);
    assert.deepEqual(texts('# FIXME: retries are\n# hard-coded\n', 'a.py'), [['retries are hard-coded', 1, 2]]);
  });

  it('stops at commented-out code: a deeper-indented line, a bracket line, or a line ending as a statement does', () => {
    // typescript-eslint, packages/eslint-plugin/tests/rules/no-unnecessary-condition.test.ts
    const source = ['    // TODO: fix this', '    //     {', '    //       code: `', '    // const isTruthy = <T>(t: T) => T;', '    //     },'].join('\n');
    assert.deepEqual(texts(source), [['fix this', 1, 1]]);
    assert.deepEqual(texts('// TODO: remove this\n// }\n'), [['remove this', 1, 1]]);
    assert.deepEqual(texts('// HACK: until #12 lands\n// retry(3);\n'), [['until #12 lands', 1, 1]]);
    assert.deepEqual(texts('/*\n * TODO: one\n * two\n *       if (x) {\n */\n'), [['one two', 2, 3]]);
  });
});
