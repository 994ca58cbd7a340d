import assert from 'node:assert/strict';
import { DEFAULT_TAGS, findAnnotations, languageOf, tagMatcher } from '../../../../src/core/annotations';

/** Owner forms seen in real code (VS Code and its extensions, and a survey of public repositories). */
describe('owners written in the text', () => {
  const table: Array<[string, string | undefined, string]> = [
    ['// TODO@API make this public', 'API', 'make this public'],
    ['// TODO@Joao move this down to panelview', 'Joao', 'move this down to panelview'],
    ['// TODO@lszomoru - use setting to control this', 'lszomoru', 'use setting to control this'],
    ['// TODO@Alex -> duplicated in lineCommentCommand', 'Alex', '-> duplicated in lineCommentCommand'],
    ['// TODO mjbvz: remove once the API is final', 'mjbvz', 'remove once the API is final'],
    ['// TODO: @alexr00 - get the real base', 'alexr00', 'get the real base'],
    ['// TODO: @summer-cook add the values', 'summer-cook', 'add the values'],
    ['// TODO: @alex @subtly do this properly.', 'alex', 'do this properly.'],
    ['// TODO(alice): handle discounts', 'alice', 'handle discounts'],
    ['// FIXME(owner: bob): rounding', 'bob', 'rounding'],
    ['// TODO fix: the loop', undefined, 'fix: the loop'],
    ['// TODO: @Profile("desktop")', undefined, '@Profile("desktop")'],
    ['// TODO: @Entity, @Table(name = "scores")', undefined, '@Entity, @Table(name = "scores")'],
    ['// TODO: handle discounts', undefined, 'handle discounts'],
    ['// TODO send mail@example.com a note', undefined, 'send mail@example.com a note'],
  ];
  for (const [comment, owner, text] of table) {
    it(`${comment} → ${owner ?? 'no owner'}`, () => {
      const [found] = findAnnotations(`${comment}\nexport const x = 1;\n`, languageOf('a.ts')!, 'a.ts', tagMatcher(DEFAULT_TAGS));
      assert.equal(found?.meta.owner, owner);
      assert.equal(found?.text, text);
    });
  }
});
