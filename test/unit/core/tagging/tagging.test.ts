import assert from 'node:assert/strict';
import { findAnnotations, languageOf, tagMatcher, DEFAULT_TAGS } from '../../../../src/core/annotations';
import { commentSyntaxOf } from '../../../../src/core/tagging/commentSyntax';
import { debtCommentLine, tagInLine, trackAsDebt } from '../../../../src/core/tagging/debtComment';
import { metaCompletions } from '../../../../src/core/tagging/metaCompletion';

describe('tagging in the editor', () => {
  const comment = { tag: 'DEBT', meta: { owner: 'alice', effort: '2h', impact: 'high' as const }, text: 'split this function' };
  const cases: Array<[string, string, string]> = [
    ['typescript', 'a.ts', '  // DEBT(owner: alice, effort: 2h, impact: high): split this function'],
    ['python', 'a.py', '  # DEBT(owner: alice, effort: 2h, impact: high): split this function'],
    ['sql', 'a.sql', '  -- DEBT(owner: alice, effort: 2h, impact: high): split this function'],
    ['html', 'a.html', '  <!-- DEBT(owner: alice, effort: 2h, impact: high): split this function -->'],
    ['css', 'a.css', '  /* DEBT(owner: alice, effort: 2h, impact: high): split this function */'],
    ['clojure', 'a.clj', '  ; DEBT(owner: alice, effort: 2h, impact: high): split this function'],
    ['erlang', 'a.erl', '  % DEBT(owner: alice, effort: 2h, impact: high): split this function'],
  ];
  for (const [languageId, file, expected] of cases) {
    it(`writes a ${languageId} comment the scanner reads back`, () => {
      const line = debtCommentLine(commentSyntaxOf(languageId)!, '  ', comment);
      assert.equal(line, expected);
      const [found] = findAnnotations(`${line}\n`, languageOf(file)!, file, tagMatcher(DEFAULT_TAGS));
      assert.deepEqual({ tag: found?.tag, meta: found?.meta, text: found?.text }, comment);
    });
  }

  it('turns a plain TODO into a tracked DEBT item, keeping code, META and closer', () => {
    const slashes = commentSyntaxOf('typescript')!;
    assert.equal(trackAsDebt('foo(); // TODO: fix me', slashes, DEFAULT_TAGS, { effort: '4h' }), 'foo(); // DEBT(effort: 4h): fix me');
    assert.equal(trackAsDebt('// FIXME(bob): flaky', slashes, DEFAULT_TAGS, { impact: 'high' }), '// DEBT(owner: bob, impact: high): flaky');
    assert.equal(trackAsDebt('<!-- TODO: alt text -->', commentSyntaxOf('html')!, DEFAULT_TAGS, { owner: 'x' }), '<!-- DEBT(owner: x): alt text -->');
    assert.equal(trackAsDebt('const s = "no comment";', slashes, DEFAULT_TAGS, {}), undefined);
  });

  it('locates the tag on a line', () => {
    assert.deepEqual(tagInLine('  # HACK: quick', commentSyntaxOf('python')!, DEFAULT_TAGS), { tag: 'HACK', start: 4, end: 15, text: 'quick', meta: {} });
  });

  describe('META completion', () => {
    const context = { owners: ['alice', 'bob'], today: '2026-03-01' };
    const labels = (line: string, at = line.length) => metaCompletions(line, at, DEFAULT_TAGS, context)?.map((c) => c.label);

    it('offers the keys not yet given', () => {
      assert.deepEqual(labels('// DEBT('), ['owner', 'effort', 'impact', 'incident', 'ticket', 'due', 'kind']);
      assert.deepEqual(labels('// DEBT(owner: alice, impact=high, '), ['effort', 'incident', 'ticket', 'due', 'kind']);
    });

    it('offers the values of the key being typed', () => {
      assert.deepEqual(labels('// TODO(impact: '), ['low', 'medium', 'high', 'critical']);
      assert.deepEqual(labels('// DEBT(effort=1h, owner='), ['alice', 'bob']);
      assert.deepEqual(labels('// DEBT(due: '), ['2026-03-15']);
      assert.deepEqual(labels('// DEBT(kind:'), ['design', 'code', 'test', 'docs', 'deps', 'infra', 'security', 'performance']);
    });

    it('offers nothing outside a META list', () => {
      assert.equal(labels('// DEBT(owner: a): text'), undefined);
      assert.equal(labels('call(x, '), undefined);
      assert.equal(labels('// DEBT(', 3), undefined);
    });
  });
});
