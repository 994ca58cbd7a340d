import assert from 'node:assert/strict';
import { parseConfig } from '../../../../src/core/config';
import { compilePattern, PatternSyntaxError } from '../../../../src/core/text/pattern';

/** Milliseconds `run` takes. */
function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe('user patterns (linear time)', () => {
  const pathological: Array<[pattern: string, text: string]> = [
    ['(\\w|\\d)+$x', `${'1'.repeat(34)}!`],
    ['(a|a)*b', 'a'.repeat(30)],
    ['((\\w+)\\s?)+$', `${'ab '.repeat(30)}!`],
  ];
  for (const [pattern, text] of pathological) {
    it(`matches ${pattern} against ${text.length} hostile characters at once`, () => {
      const compiled = compilePattern(pattern);
      let result: unknown;
      const ms = timed(() => (result = [compiled.test(text), compiled.matchAll(text)]));
      assert.deepEqual(result, [false, []]);
      assert.ok(ms < 500, `${ms} ms`);
    });
  }

  it('finds every match, case-insensitively when asked', () => {
    assert.deepEqual(compilePattern('\\bINC-\\d+\\b').matchAll('INC-1, INC-22 and xINC-3'), ['INC-1', 'INC-22']);
    assert.equal(compilePattern('\\bfix\\b', { ignoreCase: true }).test('FIX: crash'), true);
    assert.equal(compilePattern('\\bfix\\b').test('FIX: crash'), false);
    assert.deepEqual(compilePattern('a*').matchAll('bab'), ['', 'a', '', '']);
  });

  const unsupported: Array<[what: string, source: string]> = [['lookbehind', '(?<=fix)x'], ['lookahead', 'fix(?!ed)'], ['a backreference', '(a)\\1']];
  for (const [what, source] of unsupported) {
    it(`refuses ${what} with a message that says so`, () => {
      assert.throws(() => compilePattern(source), (error: Error) => error instanceof PatternSyntaxError && /backreferences and lookaround are not supported/.test(error.message));
    });
  }

  it('makes the config warn about an unsupported pattern, naming the key, and use the default', () => {
    const { config, warnings } = parseConfig({ incidentPattern: '(?<=#)\\d+', fixPattern: '(a|a)*b' });
    assert.equal(config.incidentPattern, '\\bINC-\\d+\\b');
    assert.equal(config.fixPattern, '(a|a)*b');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /^"incidentPattern": not a pattern the linear-time matcher accepts \(.*\(\?<=.*\); backreferences and lookaround are not supported; the default "\\\\bINC-\\\\d\+\\\\b" is used$/);
  });
});
