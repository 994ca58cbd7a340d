import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commentsOf, DEFAULT_TAGS, findAnnotations, languageOf, tagMatcher } from '../../../../src/core/annotations';
import { languageById } from '../../../../src/core/annotations/languages';

/** A piece of generated source: code, a string literal, or a comment we expect the lexer to find. */
interface Piece {
  text: string;
  comment?: boolean;
}

const code = (...texts: string[]) => fc.constantFrom(...texts).map((text): Piece => ({ text }));
const content = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((parts) => parts.join(''));
const comment = (open: string, close: string, alphabet: string[]) => content(alphabet).map((body): Piece => ({ text: `${open} TODO ${body}${close}`, comment: true }));
const quoted = (quote: string, alphabet: string[]) => content(alphabet).map((body): Piece => ({ text: `${quote}${body}${quote}` }));

const TRICKY = ['TODO', 'x', ' ', '//', '/*', '#', '--', '<!--', ';', '%', '*'];

/** Per language: a generator of pieces whose comments are known. */
const PROGRAMS: Record<string, fc.Arbitrary<Piece>> = {
  javascript: fc.oneof(
    code('x', 'y = 1', 'f(a, b)', ';', ' ', '\n', 'a / b', 'return x', '[1]', '(2) / 3'),
    quoted('"', [...TRICKY, "'", '\\"', '`']),
    quoted("'", [...TRICKY, '"', "\\'"]),
    quoted('`', [...TRICKY, '"', "'"]),
    code('; /ab+c/g', '; /[/*]/', '= /\\//'),
    comment('//', '\n', [...TRICKY.filter((t) => t !== '*'), '"', "'"]),
    comment('/*', '*/', [...TRICKY.filter((t) => t !== '*' && t !== '/*'), '"', "'", '\n']),
  ),
  python: fc.oneof(
    code('x', 'x = 1', 'f(a)', ' ', '\n', 'a // b'),
    quoted('"', [...TRICKY, "'", '\\"']),
    quoted("'", [...TRICKY, '"', "\\'"]),
    quoted('"""', [...TRICKY, "'", '\n']),
    comment('#', '\n', [...TRICKY, '"', "'"]),
  ),
  rust: fc.oneof(
    code('x', 'let a = 1;', 'fn f<\'a>(x: &\'a str) {}', ' ', '\n', "'c'", "'\\''", "b'/'"),
    quoted('"', [...TRICKY, "'", '\\"', '\n']),
    code('r#"raw "// TODO" /* x"#'),
    comment('//', '\n', [...TRICKY.filter((t) => t !== '*'), '"', "'"]),
    comment('/*', '*/', ['x', ' ', '/* nested */', 'TODO', '"', "'", '\n']),
  ),
  sql: fc.oneof(
    code('SELECT 1', 'FROM t', ' ', '\n', 'a - b'),
    quoted("'", [...TRICKY, "''", '"']),
    quoted('"', [...TRICKY, '""', "'"]),
    comment('--', '\n', [...TRICKY, '"', "'"]),
    comment('/*', '*/', [...TRICKY.filter((t) => t !== '*' && t !== '/*'), '"', "'", '\n']),
  ),
  html: fc.oneof(
    code('<p>', '</p>', 'text // TODO not', ' ', '\n', '<a href="x">', 'TODO: prose'),
    comment('<!--', '-->', ['x', ' ', 'TODO', '//', '\n', '<p>']),
  ),
};

const languageFor: Record<string, string> = { javascript: 'a.js', python: 'a.py', rust: 'a.rs', sql: 'a.sql', html: 'a.html' };

describe('comment lexer properties', () => {
  for (const [name, piece] of Object.entries(PROGRAMS)) {
    it(`${name}: finds exactly the comments a generated program holds`, () => {
      const language = languageOf(languageFor[name]!)!;
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
          let text = '';
          const expected: Array<[number, number]> = [];
          for (const p of pieces) {
            if (p.comment) {
              if (text.length > 0 && !text.endsWith('\n')) text += '\n';
              const start = text.length;
              const end = start + (p.text.endsWith('\n') ? p.text.length - 1 : p.text.length);
              expected.push([start, end]);
            }
            text += p.text;
            text += p.comment && !p.text.endsWith('\n') ? '\n' : ' ';
          }
          const found = commentsOf(text, language).map((c): [number, number] => [c.start, c.end]);
          assert.deepEqual(found, expected, JSON.stringify(text));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('never throws and keeps every comment inside the input, in order, for every language', () => {
    const ids = ['typescript', 'javascript', 'c', 'cpp', 'csharp', 'java', 'kotlin', 'scala', 'go', 'rust', 'swift', 'dart', 'php', 'css', 'scss', 'python', 'ruby', 'shell', 'yaml', 'toml', 'dockerfile', 'makefile', 'r', 'perl', 'powershell', 'elixir', 'sql', 'lua', 'haskell', 'html', 'xml', 'markdown', 'ini', 'clojure', 'lisp', 'asm', 'tex', 'erlang', 'matlab'];
    const matcher = tagMatcher(DEFAULT_TAGS);
    const source = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(fc.constantFrom(...TRICKY, '"', "'", '`', '\n', '\r', '[[', ']]', '{-', '-}', '#|', '|#', 'r#"', '"#', '${', '}', '\\', '<script>', '</script>', 'TODO(', ')', ':'), { maxLength: 60 }).map((p) => p.join('')));
    fc.assert(
      fc.property(fc.constantFrom(...ids), source, (id, text) => {
        const language = languageById(id)!;
        let last = -1;
        for (const c of commentsOf(text, language)) {
          assert.ok(c.start >= 0 && c.start > last && c.start <= c.bodyStart && c.bodyStart <= c.bodyEnd && c.bodyEnd <= c.end && c.end <= text.length, JSON.stringify({ id, text, c }));
          last = c.end - 1;
        }
        for (const a of findAnnotations(text, language, 'f', matcher)) assert.ok(a.line >= 1 && a.column >= 1 && a.endLine >= a.line);
      }),
      { numRuns: 2000 },
    );
  });
});
