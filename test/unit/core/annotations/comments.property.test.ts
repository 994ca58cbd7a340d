import assert from 'node:assert/strict';
import fc from 'fast-check';
import { commentsOf, DEFAULT_TAGS, findAnnotations, tagMatcher } from '../../../../src/core/annotations';
import { LANGUAGES, languageById } from '../../../../src/core/annotations/languages';
import type { Comment } from '../../../../src/core/annotations/lexer';

const RUNS = 300;
const tags = tagMatcher(DEFAULT_TAGS);

/** A piece of a generated program: code, a literal, or a comment the lexer must find exactly. */
interface Piece {
  text: string;
  comment?: 'line' | 'block';
}

const code = (...texts: string[]): fc.Arbitrary<Piece> => fc.constantFrom(...texts).map((text) => ({ text }));
const joined = (alphabet: string[], maxLength = 6): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((parts) => parts.join(''));
const literal = (open: string, alphabet: string[], close = open): fc.Arbitrary<Piece> =>
  joined(alphabet).map((body) => ({ text: `${open}${body}${close}` }));
const lineComment = (open: string, alphabet: string[]): fc.Arbitrary<Piece> =>
  joined(alphabet).map((body): Piece => ({ text: `${open} TODO real ${body}`, comment: 'line' }));
const blockComment = (open: string, close: string, alphabet: string[]): fc.Arbitrary<Piece> =>
  joined(alphabet).map((body): Piece => ({ text: `${open} TODO real ${body}${close}`, comment: 'block' }));

/** What strings hold: every comment opener of the families, tags, and the other quotes. */
const TRAPS = ['//', '/*', '*/', '#', '--', '<!--', ';', '%', 'TODO fake', 'FIXME', ' ', 'x', '{', '}'];
/** What comments hold besides their tag: anything but their closer; a later line never starts with a tag. */
const COMMENT_TEXT = ['x', ' ', 'TODO', '"', "'", '`', '#', '${', 'FIXME', '=', '<'];
const NEXT_LINE = '\nx ';

/** Programs per language, built so that only the comment pieces are comments. */
const PROGRAMS: Record<string, fc.Arbitrary<Piece>> = {
  javascript: fc.oneof(
    code('x', 'y = 1;', 'f(a, b)', 'a / b', 'return x', 'arr[1] / 2', '(2) / 3', 'i++ / 2', 'x = /ab+c/g;', 'x = /[/*]\\//;', 'if (/#/.test(s)) {}', '{ a: 1 }'),
    literal('"', [...TRAPS, "'", '`', '\\"', '\\\\']),
    literal("'", [...TRAPS, '"', '`', "\\'"]),
    literal('`', [...TRAPS, '"', "'", '\\`', '\n', '${"}"}', '${ {a: `//`}.a }']),
    lineComment('//', COMMENT_TEXT),
    blockComment('/*', '*/', [...COMMENT_TEXT, '/', NEXT_LINE]),
  ),
  python: fc.oneof(
    code('x', 'x = 1', 'f(a)', 'a // b', 'a / b', 'd["k"]', 'lambda: 0'),
    literal('"', [...TRAPS, "'", '\\"', '\\\\']),
    literal("'", [...TRAPS, '"', "\\'"]),
    literal('"""', [...TRAPS, "'", '"x', '\n', '\\"']),
    literal("r'", [...TRAPS, '"', "\\'"], "'"),
    literal('f"', [...TRAPS, "'", '{x}'], '"'),
    lineComment('#', COMMENT_TEXT),
  ),
  rust: fc.oneof(
    code('x', 'let a = 1;', "fn f<'a>(x: &'a str) {}", "'c'", "'\\''", "'\"'", "b'\"'", "b'/'", 'a / b', "'label: loop {}"),
    literal('"', [...TRAPS, "'", '\\"', '\n']),
    literal('r#"', [...TRAPS.filter((t) => t !== '#'), '"', "'", '\n'], '"#'),
    literal('br"', [...TRAPS, "'", '\\'], '"'),
    lineComment('//', COMMENT_TEXT),
    blockComment('/*', '*/', [...COMMENT_TEXT, '/* nested */', '/* /* deeper */ */', NEXT_LINE]),
  ),
  sql: fc.oneof(
    code('SELECT 1', 'FROM t', 'WHERE a - b > 0', 'a-1', ';'),
    literal("'", [...TRAPS, "''", '"', '\n']),
    literal('"', [...TRAPS, '""', "'"]),
    lineComment('--', COMMENT_TEXT),
    blockComment('/*', '*/', [...COMMENT_TEXT, '--', NEXT_LINE]),
  ),
  shell: fc.oneof(
    code('echo a', 'x=1', 'a#b', '${#x}', 'echo $((1 << 2))', 'cat <<< "# x"', '\\#'),
    literal('"', [...TRAPS, "'", '\\"', '$(echo "x")']),
    literal("'", [...TRAPS, '"', '\\']),
    joined([...TRAPS, "'", '"', '\n']).map((body): Piece => ({ text: `cat <<'EOF'\n${body}\nEOF` })),
    lineComment('#', COMMENT_TEXT),
  ),
};

/** The HTML program: markup, and <script> elements holding a JavaScript program. */
const HTML_PIECE: fc.Arbitrary<Piece | Piece[]> = fc.oneof(
  code('<p>', '</p>', 'text // TODO fake', 'TODO: fake prose', '/* fake */', '<a href="x">', "it's"),
  blockComment('<!--', '-->', [...COMMENT_TEXT, NEXT_LINE, '<p>', '//']),
  fc.array(PROGRAMS.javascript!, { maxLength: 6 }).map((inner): Piece[] => [{ text: '<script>' }, ...inner, { text: '</script>' }]),
);

/** Joins the pieces (a line comment ends its line) and records where each comment is. */
function build(pieces: readonly Piece[]): { text: string; expected: Array<[number, number]> } {
  let text = '';
  const expected: Array<[number, number]> = [];
  for (const piece of pieces) {
    if (piece.comment) expected.push([text.length, text.length + piece.text.length]);
    text += piece.text + (piece.comment === 'line' || piece.text.endsWith('EOF') ? '\n' : ' ');
  }
  return { text, expected };
}

const ranges = (comments: readonly Comment[]): Array<[number, number]> => comments.map((c) => [c.start, c.end]);

function checkPrograms(id: string, pieces: fc.Arbitrary<Piece[]>): void {
  const language = languageById(id)!;
  fc.assert(
    fc.property(pieces, (program) => {
      const { text, expected } = build(program);
      assert.deepEqual(ranges(commentsOf(text, language)), expected, JSON.stringify(text));
      const found = findAnnotations(text, language, 'f', tags);
      assert.equal(found.length, expected.length, JSON.stringify(text));
      assert.ok(found.every((a) => a.tag === 'TODO' && a.text.startsWith('real')), JSON.stringify(text));
    }),
    { numRuns: RUNS },
  );
}

/** Comments lie inside the text, in order, without overlapping, each with its body inside it. */
function assertWellFormed(text: string, comments: readonly Comment[]): void {
  let previousEnd = 0;
  for (const c of comments) {
    const inside = previousEnd <= c.start && c.start < c.end && c.start <= c.bodyStart && c.bodyStart <= c.bodyEnd && c.bodyEnd <= c.end && c.end <= text.length;
    assert.ok(inside, JSON.stringify({ text, comment: c }));
    previousEnd = c.end;
  }
}

/** Source made of every family's openers, closers and quotes, so that random input exercises every rule. */
const SOUP = fc
  .array(
    fc.constantFrom(
      ...TRAPS, '"', "'", '`', '\\', '\n', '\r', '\r\n', '${', '[[', ']]', '[==[', '{-', '-}', '#|', '|#', '%{', '%}', '=begin', '=end', '=pod', '=cut',
      'r#"', '"#', 'R"x(', ')x"', "b'", '~r/', '~s(', ')', '<<EOF', '<<~EOF', '<<<EOT', 'EOF', 'EOT', '<?php', '<?=', '?>', '-->', '<![CDATA[', ']]>',
      '<script>', '</script>', '<style lang="scss">', '</style>', '```', '~~~', 'url(', '$', '?', '@"', '"""', "'''", 'TODO(', 'TODO:', ')', 'é', '😀', '\u2028',
    ),
    { maxLength: 50 },
  )
  .map((parts) => parts.join(''));

const ANY_TEXT = fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 60 }), SOUP);

describe('comment lexer properties', () => {
  for (const id of Object.keys(PROGRAMS)) {
    it(`${id}: finds exactly the comments of a generated program, nothing in its strings`, () => {
      checkPrograms(id, fc.array(PROGRAMS[id]!, { maxLength: 20 }));
    });
  }

  it('html: finds exactly the comments of generated markup and of its scripts, nothing in text or strings', () => {
    checkPrograms('html', fc.array(HTML_PIECE, { maxLength: 12 }).map((pieces) => pieces.flat()));
  });

  it('never throws, and keeps every comment inside the input, ordered and apart, for every language', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), ANY_TEXT, (language, text) => {
        assertWellFormed(text, commentsOf(text, language));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('findAnnotations never throws on arbitrary unicode, and places every item inside the text, for every language', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGUAGES), ANY_TEXT, (language, text) => {
        const source = `TODO ${text}`;
        const lines = source.split(/\r\n|\r|\n/);
        for (const a of findAnnotations(source, language, 'f', tags)) {
          assert.ok(a.line >= 1 && a.line <= a.endLine && a.endLine <= lines.length, JSON.stringify({ text, a }));
          assert.ok(a.column >= 1 && a.column <= lines[a.line - 1]!.length, JSON.stringify({ text, a }));
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });
});
