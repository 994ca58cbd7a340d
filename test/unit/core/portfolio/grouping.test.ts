import assert from 'node:assert/strict';
import { describeFilter, filterItems, filterText, groupItems, itemsShown, parseFilterText, sortItems } from '../../../../src/core/portfolio/grouping';
import { functionNameOf, labelOf } from '../../../../src/core/portfolio/view';
import type { PortfolioItem } from '../../../../src/core/portfolio/view';
import { portfolioItem } from '../../../helpers/builders';

const scored = (interest: number, principal: number, extra: Partial<PortfolioItem> = {}): PortfolioItem =>
  portfolioItem({ score: { interest, principal, payback: interest > 0 ? principal / interest : null, cycleTimeInterest: interest, incidentInterest: 0, terms: [] }, ...extra } as Partial<PortfolioItem>);

describe('grouping, sorting and filtering', () => {
  const a = scored(5, 10, { file: 'src/a.ts', tag: 'TODO', owner: 'alice', status: 'planned', sprint: 3, age: { introduced: '2025-01-01T00:00:00Z', author: 'x', commit: 'c1' } } as never);
  const b = scored(1, 1, { file: 'src/b.ts', tag: 'FIXME', text: 'Parser edge', status: 'open', age: { introduced: '2024-01-01T00:00:00Z', author: 'x', commit: 'c2' } } as never);
  const c = scored(0, 20, { file: 'lib/c.py', tag: 'TODO', owner: 'bob', status: 'accepted' } as never);
  const items = [a, b, c];

  it('sorts by interest, payback, age and principal', () => {
    assert.deepEqual(sortItems(items, 'interest').map((i) => i.id), [a.id, b.id, c.id]);
    assert.deepEqual(sortItems(items, 'payback').map((i) => i.id), [b.id, a.id, c.id]);
    assert.deepEqual(sortItems(items, 'age').map((i) => i.id), [b.id, a.id, c.id]);
    assert.deepEqual(sortItems(items, 'principal').map((i) => i.id), [c.id, a.id, b.id]);
  });

  it('groups by folder, tag, owner, status and sprint, heaviest group first', () => {
    assert.deepEqual(groupItems(items, 'folder', 'interest').map((g) => [g.key, g.items.length, g.interest]), [['src', 2, 6], ['lib', 1, 0]]);
    assert.deepEqual(groupItems(items, 'tag', 'interest').map((g) => g.key), ['TODO', 'FIXME']);
    assert.deepEqual(groupItems(items, 'owner', 'interest').map((g) => g.key), ['alice', '(no owner)', 'bob']);
    assert.deepEqual(groupItems(items, 'status', 'interest').map((g) => g.key), ['planned', 'open', 'accepted']);
    assert.deepEqual(groupItems(items, 'sprint', 'interest').map((g) => g.key), ['sprint 3', '(no sprint)']);
    assert.deepEqual(groupItems(items, 'file', 'interest').map((g) => g.key), ['src/a.ts', 'src/b.ts', 'lib/c.py']);
  });

  it('shows annotations, hotspots or both, and lists everything in one group for a flat list', () => {
    const hot = scored(2, 2, { kind: 'hotspot', name: 'Repo.load', metrics: {} } as never);
    assert.deepEqual(itemsShown([a, hot], 'annotations'), [a]);
    assert.deepEqual(itemsShown([a, hot], 'hotspots'), [hot]);
    assert.deepEqual(itemsShown([a, hot], 'all'), [a, hot]);
    assert.deepEqual(groupItems([a, b, c], 'none', 'interest').map((g) => g.items.length), [3]);
  });

  it('labels a function by its short name, its class apart, an anonymous one by its line; a tag group drops the tag', () => {
    const table: Array<[string, number, { name: string; container?: string }]> = [
      ['FolderRepositoryManager.getPullRequests', 3, { name: 'getPullRequests', container: 'FolderRepositoryManager' }],
      ['a.b.c', 3, { name: 'c', container: 'a.b' }],
      ['items.forEach callback', 3, { name: 'items.forEach callback' }],
      ['<anonymous>', 42, { name: 'line 42' }],
      ['load', 3, { name: 'load' }],
    ];
    for (const [name, line, expected] of table) assert.deepEqual(functionNameOf(name, line), expected, name);
    assert.equal(labelOf(b, 'tag'), 'Parser edge');
    assert.equal(labelOf(b, 'file'), '[FIXME] Parser edge');
    const file = scored(2, 3, { kind: 'file', file: 'src/parser.ts' } as never);
    assert.deepEqual(['file', 'tag', 'owner'].map((groupBy) => labelOf(file, groupBy)), ['[file] the rest of the file', 'the rest of the file', '[file] src/parser.ts'], 'the path only where no group says it');
  });

  it('filters by text, tag, owner, status and minimum interest, and says so', () => {
    assert.deepEqual(filterItems(items, { text: 'parser' }).map((i) => i.id), [b.id]);
    assert.deepEqual(filterItems(items, { tags: ['TODO'], owners: ['bob'] }).map((i) => i.id), [c.id]);
    assert.deepEqual(filterItems(items, { statuses: ['open', 'planned'], minInterest: 2 }).map((i) => i.id), [a.id]);
    assert.equal(describeFilter({ text: 'x', tags: ['TODO'], minInterest: 2 }), '"x", tag TODO, ≥ 2 h/sprint');
    assert.equal(describeFilter({}), '');
  });
});

describe('filter text', () => {
  it('reads words, tag:, owner:, status: and >=N', () => {
    assert.deepEqual(parseFilterText('parser  tag:TODO owner:alice status:planned status:bogus >=2.5 edge'), {
      tags: ['TODO'],
      owners: ['alice'],
      statuses: ['planned'],
      minInterest: 2.5,
      text: 'parser edge',
    });
    assert.deepEqual(parseFilterText('   '), {});
  });

  it('writes an active filter back as the text that gives it, so the filter box reopens with it', () => {
    const filter = parseFilterText('parser tag:TODO tag:FIXME owner:alice status:planned >=2.5 edge');
    assert.equal(filterText(filter), 'parser edge tag:TODO tag:FIXME owner:alice status:planned >=2.5');
    assert.deepEqual(parseFilterText(filterText(filter)), filter);
    assert.equal(filterText({}), '');
  });
});
