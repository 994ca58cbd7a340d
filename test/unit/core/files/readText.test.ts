import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TAGS, tagMatcher } from '../../../../src/core/annotations';
import { readText } from '../../../../src/core/files/readText';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const tags = tagMatcher(DEFAULT_TAGS);
const withPrecheck = { mayHoldTag: tags.inBytes };
const MAX = 1024 * 1024;
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string): Buffer => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

describe('readText with the byte pre-check', () => {
  let root: string;
  beforeEach(() => {
    root = makeTempDir();
  });
  afterEach(() => removeDir(root));

  const outcome = (name: string, content: string | Buffer) => {
    writeFiles(root, { [name]: content });
    return readText(root, name, MAX, withPrecheck);
  };

  it('returns a UTF-8 file without any tag undecoded, with its size', () => {
    assert.deepEqual(outcome('a.js', 'const a = 1; // nothing to see\n'), { ok: true, tagless: true, bytes: 31, lines: 1 });
  });

  it('decodes a file whose bytes hold a tag, even inside a longer word', () => {
    const todo = outcome('a.js', '// TODO: x\n');
    assert.ok(todo.ok && !todo.tagless && todo.text === '// TODO: x\n');
    const read = outcome('b.js', 'log.DEBUG = 1;\n');
    assert.ok(read.ok && !read.tagless && read.text === 'log.DEBUG = 1;\n');
  });

  for (const [encoding, encode] of [['UTF-16LE', utf16le], ['UTF-16BE', utf16be]] as const) {
    it(`decodes a ${encoding} file (its tags are not ASCII bytes), with the BOM noted`, () => {
      const read = outcome('a.py', encode('# TODO: wide\n'));
      assert.ok(read.ok && !read.tagless);
      assert.equal(read.text, '# TODO: wide\n');
      assert.deepEqual(read.notes, [`${encoding} (byte order mark)`]);
    });
  }

  it('finds a tag after a UTF-8 byte order mark', () => {
    const read = outcome('a.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# FIXME: bom\n')]));
    assert.ok(read.ok && !read.tagless && read.text === '# FIXME: bom\n');
  });

  it('decodes invalid UTF-8 without a tag, so its encoding note is kept', () => {
    const read = outcome('a.py', Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41, 0x0a]));
    assert.ok(read.ok && !read.tagless);
    assert.match(read.notes[0] ?? '', /invalid UTF-8/);
  });

  it('still skips binary and minified files that hold no tag', () => {
    assert.deepEqual(outcome('a.js', Buffer.from([0x61, 0x00, 0x62])), { ok: false, reason: 'binary', detail: 'a NUL byte in the first 8192 bytes' });
    assert.equal((outcome('b.js', `${'x'.repeat(5000)}\n`) as { reason?: string }).reason, 'minified');
  });

  it('calls a file minified exactly when its lines average over 300 bytes', () => {
    const tenLines = (length: number) => Array.from({ length: 10 }, () => 'y'.repeat(length)).join('\n');
    assert.equal((outcome('long.js', tenLines(300)) as { reason?: string }).reason, 'minified');
    assert.deepEqual(outcome('short.js', tenLines(299)), { ok: true, tagless: true, bytes: 2999, lines: 10 });
  });

  it('matches tags of 8 bytes and more only whole, at any place, up to the last byte', () => {
    assert.ok((outcome('a.js', '// OPTIMIZ\n// REFACTO') as { tagless?: boolean }).tagless);
    assert.ok(!(outcome('b.js', '// OPTIMIZ OPTIMIZE') as { tagless?: boolean }).tagless);
    assert.ok(!(outcome('c.js', 'x\n// REFACTOR') as { tagless?: boolean }).tagless);
  });

  it('finds tags spelled outside ASCII by their UTF-8 bytes', () => {
    writeFiles(root, { 'a.py': '# ÄRGER: umlaut\n', 'b.py': '# ARGER: plain\n' });
    const german = { mayHoldTag: tagMatcher(['ÄRGER']).inBytes };
    assert.ok(!(readText(root, 'a.py', MAX, german) as { tagless?: boolean }).tagless);
    assert.ok((readText(root, 'b.py', MAX, german) as { tagless?: boolean }).tagless);
  });

  it('agrees with the decoded tag test on every fixture and source file', () => {
    const repo = path.join(__dirname, '../../../..');
    const files = ['test/fixtures', 'src'].flatMap((dir) =>
      readdirSync(path.join(repo, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(repo, path.join(entry.parentPath, entry.name))),
    );
    assert.ok(files.length > 100, `${files.length} files`);
    let tagless = 0;
    for (const file of files) {
      const plain = readText(repo, file, MAX);
      const checked = readText(repo, file, MAX, withPrecheck);
      if (checked.ok && checked.tagless) {
        tagless++;
        assert.ok(plain.ok && !tags.anywhere.test(plain.text), file);
        assert.equal(plain.bytes, checked.bytes, file);
      } else {
        assert.deepEqual(checked, plain, file);
      }
    }
    assert.ok(tagless > 0 && tagless < files.length, `${tagless} of ${files.length} tagless`);
  });
});
