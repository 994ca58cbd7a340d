import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { DEFAULT_TAGS, findAnnotations, languageOf, tagMatcher, type FoundAnnotation } from '../../../../src/core/annotations';
import { LANGUAGES } from '../../../../src/core/annotations/languages';
import { expectedItems, FAMILIES, FIXTURES, fixtureFiles, fixtureText, type FixtureItem } from './fixtures';

/** Where the lexer is knowingly wrong. expected.json holds the truth; these say how today's output differs from it. */
interface KnownLimitation {
  name: string;
  file: string;
  /** Items reported although they are not in a comment. */
  reported: FixtureItem[];
  /** Real comments' items that are not reported, by line and tag. */
  missed: Array<{ line: number; tag: string }>;
}

const JSX_TEXT = 'JSX text is read as JavaScript: the lexer cannot tell JSX text from code (the TS/JS parser path will)';
const KNOWN_LIMITATIONS: KnownLimitation[] = [
  {
    name: `${JSX_TEXT}, so a "//" in JSX text reads as a line comment`,
    file: 'c-family/sample.jsx',
    reported: [{ file: 'sample.jsx', line: 4, column: 12, endLine: 4, tag: 'TODO', text: 'text on the page, not a comment</li>', meta: {} }],
    missed: [],
  },
  {
    name: `${JSX_TEXT}, so an apostrophe in JSX text opens a string that hides the rest of its line`,
    file: 'c-family/sample.jsx',
    reported: [],
    missed: [{ line: 5, tag: 'FIXME' }],
  },
];

const tags = tagMatcher(DEFAULT_TAGS);

function asFixtureItem(file: string, found: FoundAnnotation): FixtureItem {
  const item: FixtureItem = { file, line: found.line, column: found.column, endLine: found.endLine, tag: found.tag, text: found.text, meta: { ...found.meta } };
  if (found.warnings.length > 0) item.warnings = found.warnings.map((w) => ({ line: w.line, column: w.column, code: w.code }));
  return item;
}

function ours(family: string, file: string): FixtureItem[] {
  const text = fixtureText(family, file);
  const language = languageOf(file);
  assert.ok(language, `${family}/${file} has a language`);
  return findAnnotations(text, language, `${family}/${file}`, tags).map((found) => asFixtureItem(file, found));
}

/** The truth for one file, changed by the known limitations into what the lexer reports today. */
function expectedToday(family: string, file: string): FixtureItem[] {
  const limitations = KNOWN_LIMITATIONS.filter((l) => l.file === `${family}/${file}`);
  const missed = (item: FixtureItem): boolean => limitations.some((l) => l.missed.some((m) => m.line === item.line && m.tag === item.tag));
  const truth = expectedItems(family).filter((item) => item.file === file);
  return [...truth.filter((item) => !missed(item)), ...limitations.flatMap((l) => l.reported)].sort((a, b) => a.line - b.line || a.column - b.column);
}

describe('comment lexers on a fixture per language family', () => {
  it('has a folder per family of the comment table', () => {
    const folders = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    assert.deepEqual(folders.sort(), FAMILIES);
  });

  it('has a fixture for every language of the comment table', () => {
    const covered = new Set(FAMILIES.flatMap(fixtureFiles).map((file) => languageOf(file)?.id));
    assert.deepEqual(LANGUAGES.map((l) => l.id).filter((id) => !covered.has(id)), []);
  });

  it('keeps the CRLF fixture byte-exact: CRLF line ends and one lone CR', () => {
    const text = fixtureText('c-family', 'crlf.ts');
    assert.ok(text.startsWith('// TODO'));
    assert.equal(text.split('\r\n').length - 1, 7);
    assert.equal(text.replace(/\r\n/g, '').split('\r').length - 1, 1);
  });

  it('says "fake" in every tag that must not be reported, and expects none of them', () => {
    const fakes = FAMILIES.flatMap(expectedItems).filter((item) => /fake/i.test(item.text));
    assert.deepEqual(fakes, []);
  });

  it('names the files of every known limitation and expects each missed item', () => {
    for (const limitation of KNOWN_LIMITATIONS) {
      const [family, file] = limitation.file.split('/') as [string, string];
      assert.ok(fixtureFiles(family).includes(file), limitation.name);
      for (const m of limitation.missed) assert.ok(expectedItems(family).some((i) => i.file === file && i.line === m.line && i.tag === m.tag), limitation.name);
    }
  });

  for (const family of FAMILIES) {
    describe(family, () => {
      it('expects items only for files the folder holds', () => {
        const files = new Set(fixtureFiles(family));
        assert.deepEqual(expectedItems(family).filter((item) => !files.has(item.file)), []);
      });
      for (const file of fixtureFiles(family)) {
        it(`finds exactly the annotations of the comments in ${file}`, () => {
          assert.deepEqual(ours(family, file), expectedToday(family, file));
        });
      }
    });
  }
});
