import { atLineStart, atWordStart, isWordChar, notAfterWord, type Guard, type HeredocRule, type LexSpec, type StringRule } from './lexer';

/** HTML-like documents: HTML (with embedded script and style), XML, Markdown (code spans and fences are not comments). */
export type MarkupDialect = 'html' | 'xml' | 'markdown';

/** How a language's comments are found: a lexer spec, a markup document, or PHP (code islands in HTML). */
export type Family = { type: 'lex'; spec: LexSpec } | { type: 'markup'; dialect: MarkupDialect } | { type: 'php' };

export interface Language {
  id: string;
  family: Family;
}

const dq: StringRule = { open: '"', close: '"', escape: '\\' };
const sq: StringRule = { open: "'", close: "'", escape: '\\' };
const dqLine: StringRule = { ...dq, singleLine: true };
const sqLine: StringRule = { ...sq, singleLine: true };
const slashes = { lineComments: [{ open: '//' }], blockComments: [{ open: '/*', close: '*/' }] };
const nestedSlashes = { lineComments: [{ open: '//' }], blockComments: [{ open: '/*', close: '*/', nested: true }] };
const hash = [{ open: '#' }];

/** Haskell: `--` starts a comment unless more symbol characters make it an operator (`-->`); a dash after a dash was decided with the first one. */
const haskellDashes: Guard = (text, i, { meter }) => {
  if (text[i - 1] === '-') return false;
  let j = i;
  while (text[j] === '-') j++;
  meter.steps += j - i;
  return !/[!#$%&*+./<=>?@\\^|~:]/.test(text[j] ?? '');
};

/** MATLAB: ' after a value is the transpose operator. */
const matlabQuote: Guard = (text, i) => !/[\w)\]}'.]/.test(text[i - 1] ?? '');

const notPerlSigil: Guard = (text, i) => text[i - 1] !== '$';
const notPhpAttribute: Guard = (text, i) => text[i + 1] !== '[';

/** C and C++: ' after a word is a digit separator (1'000), except after an encoding prefix (L'x', u8'x'). */
const notDigitSeparator: Guard = (text, i) => !isWordChar(text, i - 1) || /(?:^|[^\w$])(?:L|u8|u|U)$/.test(text.slice(Math.max(0, i - 3), i));
const cChar: StringRule = { ...sqLine, guard: notDigitSeparator };

/** Dart raw strings: r'C:\' has no escapes. */
const dartRaw: StringRule[] = ["'''", '"""', "'", '"'].map((quote) => ({ open: `r${quote}`, close: quote, singleLine: quote.length === 1, guard: notAfterWord }));

/** Make hands a recipe line (one that starts with a tab) to the shell: there quotes hold a #, and # starts a comment only at a word start. */
const inRecipe: Guard = (text, i, context) => text[context.lineStart(i)] === '\t';
const makeComment: Guard = (text, i, context) => !inRecipe(text, i, context) || atWordStart(text, i, context);

const shellHeredoc: HeredocRule = { open: '<<', spaced: true };
const capitalHeredoc: HeredocRule = { open: '<<', capitalBare: true };

export const SPECS = {
  javascript: { ...slashes, strings: [dqLine, sqLine], javascript: true },
  c: { ...slashes, strings: [dqLine, cChar] },
  cpp: { ...slashes, strings: [dqLine, cChar], cppRawStrings: true },
  csharp: {
    ...slashes,
    strings: [
      { open: '"""', close: '"""' },
      { open: '@"', close: '"', doubled: true },
      { open: '$@"', close: '"', doubled: true },
      { open: '@$"', close: '"', doubled: true },
      dqLine,
      sqLine,
    ],
  },
  java: { ...slashes, strings: [{ open: '"""', close: '"""', escape: '\\' }, dqLine, sqLine] },
  kotlin: { ...nestedSlashes, strings: [{ open: '"""', close: '"""' }, dqLine, sqLine] },
  scala: { ...nestedSlashes, strings: [{ open: '"""', close: '"""' }, dqLine], charLiteralQuote: true },
  go: { ...slashes, strings: [{ open: '`', close: '`' }, dqLine, sqLine] },
  rust: { ...nestedSlashes, strings: [dq], rustRawStrings: true, charLiteralQuote: true },
  swift: { ...nestedSlashes, strings: [{ open: '"""', close: '"""', escape: '\\' }, dqLine], swiftRawStrings: true },
  dart: {
    ...nestedSlashes,
    strings: [
      { open: '"""', close: '"""', escape: '\\' },
      { open: "'''", close: "'''", escape: '\\' },
      ...dartRaw,
      dqLine,
      sqLine,
    ],
  },
  php: {
    lineComments: [{ open: '//' }, { open: '#', guard: notPhpAttribute }],
    blockComments: [{ open: '/*', close: '*/' }],
    strings: [dq, sq],
    heredoc: { open: '<<<' },
    endTag: '?>',
  },
  css: { blockComments: [{ open: '/*', close: '*/' }], strings: [dqLine, sqLine] },
  /** An unquoted url(http://..) holds no comment. */
  scss: { ...slashes, strings: [{ open: 'url(', close: ')', singleLine: true, guard: notAfterWord }, dqLine, sqLine] },
  python: {
    lineComments: hash,
    strings: [{ open: '"""', close: '"""', escape: '\\' }, { open: "'''", close: "'''", escape: '\\' }, dqLine, sqLine],
  },
  ruby: {
    lineComments: hash,
    blockComments: [{ open: '=begin', close: '=end', guard: atLineStart, closeGuard: atLineStart }],
    strings: [dq, sq, { open: '`', close: '`', escape: '\\' }],
    literalPrefixes: '?',
    heredoc: capitalHeredoc,
  },
  shell: {
    lineComments: [{ open: '#', guard: atWordStart }],
    strings: [dq, { open: "'", close: "'" }],
    literalPrefixes: '\\',
    heredoc: shellHeredoc,
  },
  yaml: {
    lineComments: [{ open: '#', guard: atWordStart }],
    strings: [
      { open: '"', close: '"', escape: '\\', guard: notAfterWord },
      { open: "'", close: "'", doubled: true, guard: notAfterWord },
    ],
  },
  toml: {
    lineComments: hash,
    strings: [{ open: '"""', close: '"""', escape: '\\' }, { open: "'''", close: "'''" }, dqLine, { open: "'", close: "'", singleLine: true }],
  },
  dockerfile: { lineComments: [{ open: '#', guard: atLineStart }] },
  makefile: {
    lineComments: [{ open: '#', guard: makeComment }],
    strings: [
      { ...dqLine, guard: inRecipe },
      { open: "'", close: "'", singleLine: true, guard: inRecipe },
    ],
    literalPrefixes: '\\',
  },
  r: { lineComments: hash, strings: [dq, sq] },
  perl: {
    lineComments: [{ open: '#', guard: notPerlSigil }],
    blockComments: ['=pod', '=head1', '=head2', '=head3', '=head4', '=begin', '=over', '=item', '=for', '=encoding'].map((open) => ({
      open,
      close: '=cut',
      guard: atLineStart,
      closeGuard: atLineStart,
    })),
    strings: [dq, sq],
    heredoc: capitalHeredoc,
  },
  powershell: {
    lineComments: hash,
    blockComments: [{ open: '<#', close: '#>' }],
    strings: [{ open: '"', close: '"', escape: '`' }, { open: "'", close: "'", doubled: true }],
  },
  elixir: {
    lineComments: hash,
    strings: [{ open: '"""', close: '"""', escape: '\\' }, { open: "'''", close: "'''", escape: '\\' }, dq, sq],
    literalPrefixes: '?',
    sigils: true,
  },
  sql: {
    lineComments: [{ open: '--' }],
    blockComments: [{ open: '/*', close: '*/' }],
    strings: [{ open: "'", close: "'", doubled: true }, { open: '"', close: '"', doubled: true }],
  },
  lua: { lineComments: [{ open: '--' }], strings: [dq, sq], luaLongBrackets: true },
  haskell: {
    lineComments: [{ open: '--', guard: haskellDashes }],
    blockComments: [{ open: '{-', close: '-}', nested: true }],
    strings: [dq],
    charLiteralQuote: true,
  },
  ini: { lineComments: [{ open: ';', guard: atLineStart }, { open: '#', guard: atLineStart }] },
  clojure: { lineComments: [{ open: ';' }], strings: [dq], literalPrefixes: '\\' },
  lisp: {
    lineComments: [{ open: ';' }],
    blockComments: [{ open: '#|', close: '|#', nested: true }],
    strings: [dq],
    literalPrefixes: '\\',
  },
  asm: { lineComments: [{ open: ';' }], strings: [dqLine, sqLine] },
  tex: { lineComments: [{ open: '%' }], literalPrefixes: '\\' },
  erlang: { lineComments: [{ open: '%' }], strings: [dq, sq], literalPrefixes: '$' },
  matlab: {
    lineComments: [{ open: '%' }],
    blockComments: [{ open: '%{', close: '%}', nested: true, guard: atLineStart, closeGuard: atLineStart }],
    strings: [dqLine, { open: "'", close: "'", doubled: true, singleLine: true, guard: matlabQuote }],
  },
} satisfies Record<string, LexSpec>;

export type SpecName = keyof typeof SPECS;

const lex = (spec: SpecName): Family => ({ type: 'lex', spec: SPECS[spec] });

/** [language id, lexer or markup family, file extensions]. */
const TABLE: Array<[string, Family, string[]]> = [
  ['typescript', lex('javascript'), ['ts', 'tsx', 'mts', 'cts']],
  ['javascript', lex('javascript'), ['js', 'jsx', 'mjs', 'cjs']],
  ['c', lex('c'), ['c', 'h']],
  ['cpp', lex('cpp'), ['cpp', 'cc', 'cxx', 'hpp', 'hh', 'hxx']],
  ['csharp', lex('csharp'), ['cs']],
  ['java', lex('java'), ['java']],
  ['kotlin', lex('kotlin'), ['kt', 'kts']],
  ['scala', lex('scala'), ['scala', 'sc']],
  ['go', lex('go'), ['go']],
  ['rust', lex('rust'), ['rs']],
  ['swift', lex('swift'), ['swift']],
  ['dart', lex('dart'), ['dart']],
  ['php', { type: 'php' }, ['php']],
  ['css', lex('css'), ['css']],
  ['scss', lex('scss'), ['scss', 'less']],
  ['python', lex('python'), ['py', 'pyi']],
  ['ruby', lex('ruby'), ['rb', 'rake', 'gemspec']],
  ['shell', lex('shell'), ['sh', 'bash', 'zsh']],
  ['yaml', lex('yaml'), ['yaml', 'yml']],
  ['toml', lex('toml'), ['toml']],
  ['dockerfile', lex('dockerfile'), ['dockerfile']],
  ['makefile', lex('makefile'), ['mk', 'mak']],
  ['r', lex('r'), ['r']],
  ['perl', lex('perl'), ['pl', 'pm']],
  ['powershell', lex('powershell'), ['ps1', 'psm1']],
  ['elixir', lex('elixir'), ['ex', 'exs']],
  ['sql', lex('sql'), ['sql']],
  ['lua', lex('lua'), ['lua']],
  ['haskell', lex('haskell'), ['hs']],
  ['html', { type: 'markup', dialect: 'html' }, ['html', 'htm', 'vue', 'svelte']],
  ['xml', { type: 'markup', dialect: 'xml' }, ['xml', 'svg', 'xsl', 'xaml', 'csproj']],
  ['markdown', { type: 'markup', dialect: 'markdown' }, ['md', 'markdown']],
  ['ini', lex('ini'), ['ini', 'cfg']],
  ['clojure', lex('clojure'), ['clj', 'cljs', 'cljc', 'edn']],
  ['lisp', lex('lisp'), ['lisp', 'lsp', 'el', 'cl']],
  ['asm', lex('asm'), ['asm', 's']],
  ['tex', lex('tex'), ['tex', 'sty', 'cls']],
  ['erlang', lex('erlang'), ['erl', 'hrl']],
  ['matlab', lex('matlab'), ['m']],
];

const BY_NAME: Record<string, string> = {
  dockerfile: 'dockerfile',
  makefile: 'makefile',
  gnumakefile: 'makefile',
  rakefile: 'ruby',
  gemfile: 'ruby',
};

const byId = new Map<string, Language>();
const byExtension = new Map<string, Language>();
for (const [id, family, extensions] of TABLE) {
  const language = { id, family };
  byId.set(id, language);
  for (const extension of extensions) byExtension.set(extension, language);
}

/** Every language of the comment table. */
export const LANGUAGES: readonly Language[] = [...byId.values()];

/** The language of a file from its name, or undefined when the comment table does not know it. */
export function languageOf(fileName: string): Language | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  const named = BY_NAME[lower] ?? (lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile') ? 'dockerfile' : undefined);
  if (named) return byId.get(named);
  const dot = lower.lastIndexOf('.');
  return dot > 0 ? byExtension.get(lower.slice(dot + 1)) : undefined;
}

export function languageById(id: string): Language | undefined {
  return byId.get(id);
}
