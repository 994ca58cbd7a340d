import assert from 'node:assert/strict';
import { defaultConfig } from '../../../../src/core/config';
import type { AnnotationItem, HotspotItem } from '../../../../src/core/model';
import { splitFile } from '../../../../src/core/scoring/share';

const base = { file: 'a.ts', column: 1, endLine: 1, language: 'typescript', warnings: [] };
const hotspot = (id: string, name: string, cognitive: number, cyclomatic: number): HotspotItem => ({ ...base, id, kind: 'hotspot', name, line: 1, metrics: { cognitive, cyclomatic, nesting: 1, loc: 10, params: 1 } });
const todo = (id: string, enclosing?: { name: string; cognitive: number }): AnnotationItem => ({ ...base, id, kind: 'annotation', tag: 'TODO', text: id, meta: {}, line: 2, ...(enclosing ? { enclosing } : {}) });

describe('splitting a file among its items', () => {
  const settings = defaultConfig();

  it('gives a hotspot with no cognitive complexity (a cyclomatic-only hotspot) nothing of the rest of its file', () => {
    const split = splitFile([hotspot('h', 'chain', 0, 11)], 37, settings);
    assert.equal(split.shares.get('h')?.fraction, 0);
    assert.equal(split.remainder, 1, 'the rest stays with the file (a file item when it costs enough)');
  });

  it('gives annotations outside any function the part no function holds', () => {
    const split = splitFile([hotspot('h', 'parse', 10, 12), todo('t')], 40, settings);
    assert.equal(split.shares.get('h')?.fraction, 0.25);
    assert.equal(split.shares.get('t')?.fraction, 0.75);
    assert.equal(split.remainder, 0);
  });
});
