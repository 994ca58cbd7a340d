import assert from 'node:assert/strict';
import { annotationIds } from '../../../../src/core/ids';
import { reconcile, type SeenItem } from '../../../../src/core/store/reconcile';
import { emptyPortfolio, type PortfolioData } from '../../../../src/core/store/schema';
import { scanFolder as scan } from '../../../../src/core/pipeline/scanFolder';
import type { AnnotationItem } from '../../../../src/core/model';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';
import { rmSync } from 'node:fs';
import path from 'node:path';

const seenOf = async (root: string): Promise<SeenItem[]> => ((await scan(root, { noGit: true })).items as AnnotationItem[]).map(({ id, file, tag, text }) => ({ id, file, tag, text }));

describe('reconcile the store with a scan', () => {
  let root: string;
  let data: PortfolioData;
  beforeEach(() => {
    root = makeTempDir();
    data = emptyPortfolio();
  });
  afterEach(() => removeDir(root));

  it('records new items as open, first seen today', async () => {
    writeFiles(root, { 'a.ts': '// TODO: one\n' });
    reconcile(data, await seenOf(root), '2026-03-01');
    assert.deepEqual(Object.values(data.items), [{ status: 'open', file: 'a.ts', tag: 'TODO', text: 'one', firstSeen: '2026-03-01' }]);
  });

  it('keeps decisions when the line moves', async () => {
    writeFiles(root, { 'a.ts': '// TODO: one\n' });
    reconcile(data, await seenOf(root), '2026-03-01');
    const [itemId] = Object.keys(data.items);
    Object.assign(data.items[itemId!]!, { status: 'planned', sprint: 2 });
    writeFiles(root, { 'a.ts': 'const x = 1;\n\n\n// TODO: one\n' });
    reconcile(data, await seenOf(root), '2026-03-02');
    assert.deepEqual(Object.keys(data.items), [itemId]);
    assert.equal(data.items[itemId!]!.status, 'planned');
  });

  it('carries decisions to the new id when the item moves to another file with the same text', async () => {
    writeFiles(root, { 'a.ts': '// TODO(alice): move me\n', 'keep.ts': '// FIXME: stays\n' });
    reconcile(data, await seenOf(root), '2026-03-01');
    const oldId = Object.keys(data.items).find((k) => data.items[k]!.text === 'move me')!;
    Object.assign(data.items[oldId]!, { status: 'accepted', notes: 'known', decidedAt: '2026-03-01' });
    rmSync(path.join(root, 'a.ts'));
    writeFiles(root, { 'lib/b.py': '# TODO: Move   me\n' });
    const seen = await seenOf(root);
    reconcile(data, seen, '2026-03-05');
    const newId = seen.find((item) => item.file === 'lib/b.py')!.id;
    assert.notEqual(newId, oldId);
    assert.equal(data.items[oldId], undefined);
    assert.deepEqual(data.items[newId], { status: 'accepted', notes: 'known', decidedAt: '2026-03-01', file: 'lib/b.py', tag: 'TODO', text: 'Move   me', firstSeen: '2026-03-01' });
  });

  it('retires an item that disappears, dated the day it was first missed, and reopens it if it returns', async () => {
    writeFiles(root, { 'a.ts': '// TODO: temporary\n', 'b.ts': '// TODO: stays\n' });
    reconcile(data, await seenOf(root), '2026-03-01');
    const goneId = Object.keys(data.items).find((k) => data.items[k]!.file === 'a.ts')!;
    rmSync(path.join(root, 'a.ts'));
    reconcile(data, await seenOf(root), '2026-03-04');
    reconcile(data, await seenOf(root), '2026-03-09');
    assert.equal(data.items[goneId]!.status, 'done');
    assert.equal(data.items[goneId]!.missingSince, '2026-03-04');
    writeFiles(root, { 'a.ts': '// TODO: temporary\n' });
    reconcile(data, await seenOf(root), '2026-03-10');
    assert.equal(data.items[goneId]!.status, 'open');
    assert.equal(data.items[goneId]!.missingSince, undefined);
  });

  it('matches moved duplicates one to one', () => {
    data.items['00000000000000a1'] = { status: 'planned', file: 'x.ts', tag: 'TODO', text: 'dup', firstSeen: '2026-01-01' };
    data.items['00000000000000a2'] = { status: 'wontfix', file: 'x.ts', tag: 'TODO', text: 'dup', firstSeen: '2026-01-01' };
    reconcile(data, [{ id: '00000000000000b1', file: 'y.ts', tag: 'TODO', text: 'dup' }], '2026-02-01');
    assert.equal(data.items['00000000000000b1']!.status, 'planned');
    assert.equal(data.items['00000000000000a2']!.status, 'done');
    assert.equal(data.items['00000000000000a1'], undefined);
  });

  it('matches 100,000 moved duplicates one to one in linear time (issue 15: 40,000 took 9 s, quadratic)', function () {
    this.timeout(8000);
    const count = 100_000;
    const same = Array.from({ length: count }, () => ({ tag: 'TODO', text: 'x' }));
    const before = annotationIds('a.sh', same);
    before.forEach((id, k) => (data.items[id] = { status: 'open', file: 'a.sh', tag: 'TODO', text: 'x', firstSeen: '2026-01-01', ...(k % 2 === 0 ? { sprint: k } : {}) }));
    const after = annotationIds('b.sh', same);
    reconcile(data, after.map((id) => ({ id, file: 'b.sh', tag: 'TODO', text: 'x' })), '2026-02-01');
    assert.equal(Object.keys(data.items).length, count);
    assert.deepEqual(after.map((id) => data.items[id]?.sprint).filter((sprint) => sprint !== undefined), before.flatMap((_, k) => (k % 2 === 0 ? [k] : [])));
  });
});

describe('reconcile: an item whose text was cut or extended', () => {
  const today = '2026-03-01';
  const decided = (text: string, file = 'x.ts') => ({ status: 'planned' as const, sprint: 7, file, tag: 'TODO', text, firstSeen: '2026-01-01', decidedAt: '2026-01-02' });

  it('keeps its decisions when one text begins the other, in the same file and tag (the item, read differently)', () => {
    const data = emptyPortfolio();
    data.items['00000000000000a1'] = decided('fix this { code: ` const isTruthy = <T>(t: T) => T;');
    reconcile(data, [{ id: '00000000000000b1', file: 'x.ts', tag: 'TODO', text: 'fix this' }], today);
    assert.deepEqual(data.items, { '00000000000000b1': { ...decided('fix this'), file: 'x.ts' } });
  });

  it('does not match across files or tags, nor when two items could be the one', () => {
    const data = emptyPortfolio();
    data.items['00000000000000a1'] = decided('fix this later', 'y.ts');
    data.items['00000000000000a2'] = { ...decided('fix this soon'), tag: 'FIXME' };
    data.items['00000000000000a3'] = decided('split it up');
    data.items['00000000000000a4'] = decided('split it down');
    reconcile(data, [{ id: '00000000000000b1', file: 'x.ts', tag: 'TODO', text: 'fix this' }, { id: '00000000000000b2', file: 'x.ts', tag: 'TODO', text: 'split it' }], today);
    assert.deepEqual(
      Object.entries(data.items).map(([id, d]) => [id, d.status]),
      [
        ['00000000000000a1', 'done'],
        ['00000000000000a2', 'done'],
        ['00000000000000a3', 'done'],
        ['00000000000000a4', 'done'],
        ['00000000000000b1', 'open'],
        ['00000000000000b2', 'open'],
      ],
    );
  });
});
