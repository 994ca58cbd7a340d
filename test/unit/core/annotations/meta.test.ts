import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEBT_KINDS, IMPACTS, parseMeta, printMeta } from '../../../../src/core/annotations/meta';
import type { Meta } from '../../../../src/core/model';

describe('META grammar', () => {
  const valid: Array<[string, Meta]> = [
    ['alice', { owner: 'alice' }],
    ['@alice', { owner: 'alice' }],
    ['owner:@bob, incident: INC-42 INC-51, kind: design', { owner: 'bob', incident: ['INC-42', 'INC-51'], kind: 'design' }],
    ['impact=high, effort=2d', { impact: 'high', effort: '2d' }],
    ['effort: 30m', { effort: '30m' }],
    ['effort=4h', { effort: '4h' }],
    ['effort=3pt', { effort: '3pt' }],
    ['effort=1.5H', { effort: '1.5h' }],
    ['#1234', { ticket: '1234' }],
    ['ticket: JIRA-7', { ticket: 'JIRA-7' }],
    ['due: 2026-02-28', { due: '2026-02-28' }],
    ['IMPACT=Critical', { impact: 'critical' }],
    ['alice, #12, effort=1d', { owner: 'alice', ticket: '12', effort: '1d' }],
    ['kind=security', { kind: 'security' }],
    ['', {}],
  ];
  for (const [raw, meta] of valid) {
    it(`reads "${raw}"`, () => {
      const parsed = parseMeta(raw);
      assert.deepEqual(parsed.meta, meta);
      assert.deepEqual(parsed.problems, []);
    });
  }

  const malformed: Array<[string, Meta, string, number]> = [
    ['effort=soon', {}, 'meta-bad-value', 0],
    ['effort=1e309', {}, 'meta-bad-value', 0],
    ['impact=huge', {}, 'meta-bad-value', 0],
    ['due: 2026-02-30', {}, 'meta-bad-value', 0],
    ['kind: vibes', {}, 'meta-bad-value', 0],
    ['incident: INC-1 <img>', {}, 'meta-bad-value', 0],
    ['alice, priority=1', { owner: 'alice', priority: '1' }, 'meta-unknown-key', 7],
    ['alice, bob', { owner: 'alice' }, 'meta-duplicate', 7],
    ['alice,, #3', { owner: 'alice', ticket: '3' }, 'meta-malformed', 6],
    ['two words', {}, 'meta-malformed', 0],
    ['id=__proto__', { id: '__proto__' }, 'meta-unknown-key', 0],
    ['__proto__=x', {}, 'meta-unknown-key', 0],
  ];
  for (const [raw, meta, code, offset] of malformed) {
    it(`keeps what it can of "${raw}" and reports ${code}`, () => {
      const parsed = parseMeta(raw);
      assert.deepEqual({ ...parsed.meta }, meta);
      assert.equal(parsed.problems.length, 1, JSON.stringify(parsed.problems));
      assert.equal(parsed.problems[0]!.code, code);
      assert.equal(parsed.problems[0]!.offset, offset);
    });
  }

  it('never sets a property on the prototype', () => {
    const parsed = parseMeta('__proto__: polluted, constructor=x');
    assert.equal(Object.getPrototypeOf(parsed.meta), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('parse(print(meta)) round-trips', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/);
    const metaArb = fc.record(
      {
        owner: word,
        effort: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('m', 'h', 'd', 'pt')).map(([n, u]) => `${n}${u}`),
        impact: fc.constantFrom(...IMPACTS),
        incident: fc.array(word, { minLength: 1, maxLength: 4 }),
        ticket: word,
        due: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        kind: fc.constantFrom(...DEBT_KINDS),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(metaArb, (meta) => {
        const parsed = parseMeta(printMeta(meta as Meta));
        assert.deepEqual(parsed.problems, []);
        assert.deepEqual(parsed.meta, { ...meta });
      }),
      { numRuns: 500 },
    );
  });
});
