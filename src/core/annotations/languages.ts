import { atLineStart, atWordStart, notAfterWord, type Guard, type LexSpec, type StringRule } from './lexer';

/** How a language's comments are found: a lexer spec, or an HTML-like document with embedded script and style. */
export type Family = { type: 'lex'; spec: LexSpec } | { type: 'markup'; embedded: boolean };

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

/** Haskell: `--` starts a comment unless more symbol characters make it an operator (`-->`). */
const haskellDashes: Guard = (text, i) => {
  let j = i;
  while (text[j] === '-') j++;
  return !/[!#$%&*+./<=>?@\\^|~:]/.test(text[j] ?? '');
};

/** MATLAB: ' after a value is the transpose operator. */
const matlabQuote: Guard = (text, i) => !/[\w)\]}'.]/.test(text[i - 1] ?? '');

const notPerlSigil: Guard = (text, i) => text[i - 1] !== '$';
const notPhpAttribute: Guard = (text, i) => text[i + 1] !== '[';

export const SPECS = {
  javascript: { ...slashes, strings: [dqLine, sqLine], javascript: true },
  c: { ...slashes, strings: [dqLine, sqLine] },
  cpp: { ...slashes, strings: [dqLine, sqLine], cppRawStrings: true },
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
      dqLine,
      sqLine,
    ],
  },
  php: {
    lineComments: [{ open: '//' }, { open: '#', guard: notPhpAttribute }],
    blockComments: [{ open: '/*', close: '*/' }],
    strings: [dq, sq],
  },
  css: { blockComments: [{ open: '/*', close: '*/' }], strings: [dqLine, sqLine] },
  scss: { ...slashes, strings: [dqLine, sqLine] },
  python: {
    lineComments: hash,
    strings: [{ open: '"""', close: '"""', escape: '\\' }, { open: "'''", close: "'''", escape: '\\' }, dqLine, sqLine],
  },
  ruby: {
    lineComments: hash,
    blockComments: [{ open: '=begin', close: '=end', guard: atLineStart }],
    strings: [dq, sq, { open: '`', close: '`', escape: '\\' }],
    literalPrefixes: '?',
  },
  shell: {
    lineComments: [{ open: '#', guard: atWordStart }],
    strings: [dq, { open: "'", close: "'" }],
    literalPrefixes: '\\',
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
  makefile: { lineComments: hash, literalPrefixes: '\\' },
  r: { lineComments: hash, strings: [dq, sq] },
  perl: {
    lineComments: [{ open: '#', guard: notPerlSigil }],
    blockComments: ['=pod', '=head1', '=head2', '=head3', '=head4', '=begin', '=over', '=item', '=for', '=encoding'].map((open) => ({
      open,
      close: '=cut',
      guard: atLineStart,
    })),
    strings: [dq, sq],
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
  asm: { lineComments: [{ open: ';' }], strings: [dqLine] },
  tex: { lineComments: [{ open: '%' }], literalPrefixes: '\\' },
  erlang: { lineComments: [{ open: '%' }], strings: [dq, sq], literalPrefixes: '$' },
  matlab: {
    lineComments: [{ open: '%' }],
    blockComments: [{ open: '%{', close: '%}', nested: true, guard: atLineStart }],
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
  ['php', lex('php'), ['php']],
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
  ['html', { type: 'markup', embedded: true }, ['html', 'htm', 'vue', 'svelte']],
  ['xml', { type: 'markup', embedded: false }, ['xml', 'svg', 'xsl', 'xaml', 'csproj']],
  ['markdown', { type: 'markup', embedded: false }, ['md', 'markdown']],
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
