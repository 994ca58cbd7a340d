import assert from 'node:assert/strict';
import { scanFolder as scan } from '../../../../src/core/pipeline/scanFolder';
import type { AnnotationItem, HotspotItem, ScanResult } from '../../../../src/core/model';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const hotspotsOf = (result: ScanResult) => result.items.filter((i): i is HotspotItem => i.kind === 'hotspot');
const annotationsOf = (result: ScanResult) => result.items.filter((i): i is AnnotationItem => i.kind === 'annotation');

/** A function with `branches` ifs in a row: cyclomatic 1 + branches, cognitive = branches. */
const branchy = (name: string, branches: number): string =>
  `export function ${name}(x: number) {\n${Array.from({ length: branches }, (_, k) => `  if (x === ${k}) return ${k};\n`).join('')}  return -1;\n}\n`;

describe('scan with complexity', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));

  it('reports functions over either threshold as hotspots beside the annotations', async () => {
    writeFiles(root, {
      'src/big.ts': `// TODO: split this file\n${branchy('small', 3)}${branchy('wide', 12)}`,
      'src/deep.js': 'function deep(a, b, c) {\n  if (a) { if (b) { if (c) { for (;;) { while (a) { if (b && c) return 1; } } } } }\n  return 0;\n}\n',
      'notes.py': '# FIXME: python is lexed\n',
    });
    const result = await scan(root, { noGit: true });
    assert.deepEqual(
      hotspotsOf(result).map(({ file, name, line, column, endLine, metrics }) => ({ file, name, line, column, endLine, metrics })),
      [
        { file: 'src/big.ts', name: 'wide', line: 8, column: 8, endLine: 22, metrics: { cyclomatic: 13, cognitive: 12, nesting: 1, loc: 15, params: 1 } },
        { file: 'src/deep.js', name: 'deep', line: 1, column: 1, endLine: 4, metrics: { cyclomatic: 8, cognitive: 22, nesting: 6, loc: 4, params: 3 } },
      ],
    );
    assert.deepEqual(annotationsOf(result).map((a) => `${a.file}:${a.line} ${a.tag}`), ['notes.py:1 FIXME', 'src/big.ts:1 TODO']);
    assert.equal(new Set(result.items.map((i) => i.id)).size, result.items.length);
  });

  it('takes the thresholds from the team config, and --no-complexity turns hotspots off', async () => {
    writeFiles(root, { 'a.ts': branchy('five', 5), '.debt/config.json': JSON.stringify({ hotspotCognitive: 4, hotspotCyclomatic: 100 }) });
    assert.deepEqual(hotspotsOf(await scan(root, { noGit: true })).map((h) => h.name), ['five']);
    assert.deepEqual(hotspotsOf(await scan(root, { noGit: true, complexity: false })), []);
  });

  it('reads annotations from the parse: JSX text is not a comment, a comment in JSX braces is', async () => {
    writeFiles(root, { 'view.tsx': 'export const View = () => (\n  <p>\n    see the docs // TODO: not a comment\n    {/* FIXME: a real one */}\n  </p>\n);\n' });
    assert.deepEqual(annotationsOf(await scan(root, { noGit: true })).map((a) => `${a.line}:${a.column} ${a.tag} ${a.text}`), ['4:9 FIXME a real one']);
    assert.deepEqual(annotationsOf(await scan(root, { noGit: true, complexity: false })).map((a) => `${a.line} ${a.tag}`), ['3 TODO', '4 FIXME']);
  });

  it('keeps the annotations of a file with a syntax error and names the file and position', async () => {
    writeFiles(root, { 'broken.ts': '// TODO: still found\nfunction broken( {\n  if (x) {\n', 'fine.ts': '// HACK: fine\n' });
    const result = await scan(root, { noGit: true });
    assert.deepEqual(annotationsOf(result).map((a) => `${a.file} ${a.tag}`), ['broken.ts TODO', 'fine.ts HACK']);
    assert.deepEqual(result.warnings.map((w) => [w.file, w.line, w.code]), [['broken.ts', 3, 'complexity-syntax']]);
  });

  it('keeps the annotations of a file too deep to parse, with a warning', async () => {
    writeFiles(root, { 'deep.js': `// TODO: deep\nconst x = ${'[\n'.repeat(50_000)}${']\n'.repeat(50_000)};\n` });
    const result = await scan(root, { noGit: true });
    assert.deepEqual(annotationsOf(result).map((a) => a.text), ['deep']);
    assert.ok(result.warnings.some((w) => w.file === 'deep.js' && w.code === 'complexity-too-deep'), JSON.stringify(result.warnings));
  });

  it('caches items and file warnings by content and thresholds; a lexed file whose bytes hold no tag is not even read as text', async () => {
    writeFiles(root, { 'a.ts': branchy('wide', 12), 'b.ts': 'function broken( {\n', 'c.ts': '// TODO: tagged\n' });
    const store = new Map<string, never>();
    const cache = { get: (key: string) => store.get(key), set: (key: string, found: unknown) => void store.set(key, found as never) };
    const first = await scan(root, { noGit: true, cache });
    const second = await scan(root, { noGit: true, cache });
    assert.equal(store.size, 3);
    assert.deepEqual([second.items, second.warnings], [first.items, first.warnings]);
    assert.equal(second.warnings.length, 1);
    const lexed = await scan(root, { noGit: true, cache, complexity: false });
    assert.equal(store.size, 4, 'only c.ts is lexed, under the lexer\'s key');
    assert.deepEqual(lexed.items.map((item) => item.file), ['c.ts']);
  });
});
