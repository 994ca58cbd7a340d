/**
 * A comment lexer driven by a per-language specification. It knows enough of each
 * language's strings and literals that a comment opener inside them is never taken
 * for a comment; it never throws, and an unterminated construct ends at end of input.
 */

export interface Comment {
  kind: 'line' | 'block';
  /** Offset of the opener. */
  start: number;
  /** Offset just past the closer (or the end of the line for a line comment). */
  end: number;
  bodyStart: number;
  bodyEnd: number;
}

/** Counts the characters a lexing pass examines, so that a test can bound its work by the input's length. */
export interface Meter {
  steps: number;
}

/** What a guard may use besides the text: the meter it adds its own scanning to, and where the line of an offset starts. */
export interface GuardContext {
  meter: Meter;
  lineStart(i: number): number;
}

/** Lines that can end a here-document, by the word they start with (after blanks): each line's start and the offset past its word. */
type TerminatorIndex = Map<string, { lineStarts: number[]; ends: number[] }>;

/** What the passes over one text share (PHP lexes each code island in a pass of its own). */
export interface LexRun {
  meter: Meter;
  /** Built on the first here-document, so that a delimiter that never comes back is looked up, not searched for to the end. */
  terminators?: TerminatorIndex;
}

/** Decides from the text around offset i whether an opener there counts. */
export type Guard = (text: string, i: number, context: GuardContext) => boolean;

export interface LineCommentRule {
  open: string;
  guard?: Guard;
}

export interface BlockCommentRule {
  open: string;
  close: string;
  nested?: boolean;
  guard?: Guard;
  /** Decides whether a closer at offset i counts (Ruby's =end only at the start of a line). */
  closeGuard?: Guard;
}

export interface StringRule {
  open: string;
  close: string;
  /** The escape character inside the string, if any. */
  escape?: string;
  /** A doubled closer stands for itself ('it''s', @"say ""hi"""). */
  doubled?: boolean;
  /** An unterminated single-line string ends at the end of its line. */
  singleLine?: boolean;
  guard?: Guard;
}

/** Here-documents: `<<EOF` … a line holding `EOF`; the body starts on the next line. */
export interface HeredocRule {
  /** `<<` (shell, Ruby, Perl) or `<<<` (PHP); an opener followed by one more `<` is a here-string. */
  open: string;
  /** An unquoted delimiter must start with a capital letter, to tell `<<EOS` from a shift (`a <<b`). */
  capitalBare?: boolean;
  /** Blanks may stand between the opener and the delimiter (shell: `<< EOF`). */
  spaced?: boolean;
}

export interface LexSpec {
  lineComments?: LineCommentRule[];
  blockComments?: BlockCommentRule[];
  strings?: StringRule[];
  /** JS/TS: template literals with ${} nesting, and regex literals. */
  javascript?: boolean;
  /** Rust: r"..", r#".."#, br".." and byte chars b'x'. */
  rustRawStrings?: boolean;
  cppRawStrings?: boolean;
  swiftRawStrings?: boolean;
  luaLongBrackets?: boolean;
  /** ' starts a char literal only when it looks like one ('a', '\n'); otherwise it is a lifetime, label or prime. */
  charLiteralQuote?: boolean;
  /** Characters that make the next character literal outside strings (TeX \%, Clojure \;, Erlang $%). */
  literalPrefixes?: string;
  heredoc?: HeredocRule;
  /** Elixir sigils: ~r/../, ~s(..), ~S"""..""". */
  sigils?: boolean;
  /** PHP: code ends at this tag (`?>`), which also ends a line comment. */
  endTag?: string;
}

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;

const isNewline = (c: number): boolean => c === 10 || c === 13;
const isLowerLetter = (c: number): boolean => c >= 97 && c <= 122;
const isUpperLetter = (c: number): boolean => c >= 65 && c <= 90;

export const isWordChar = (text: string, i: number): boolean => i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));

/** Only whitespace stands between the start of the line and offset i. */
export const atLineStart: Guard = (text, i, { meter }) => {
  for (let j = i - 1; j >= 0; j--) {
    meter.steps++;
    const c = text.charCodeAt(j);
    if (isNewline(c)) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
};

/** Shell and YAML: # starts a comment only at the start of a word. */
export const atWordStart: Guard = (text, i) => i === 0 || /[\s;&|()]/.test(text[i - 1]!);

export const notAfterWord: Guard = (text, i) => !isWordChar(text, i - 1);

const REGEX_AFTER_KEYWORD = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

/** The state of one lexing pass. */
interface Lexer {
  text: string;
  n: number;
  spec: LexSpec;
  lines: LineCommentRule[];
  blocks: BlockCommentRule[];
  /** Longest opener first. */
  strings: StringRule[];
  literalPrefixes: string;
  /** Characters (below 128) at which some rule may start. */
  interesting: Uint8Array;
  comments: Comment[];
  /** Brace depth of each open ${ } in enclosing template literals. */
  templateStack: number[];
  /** Offset of the last character of code (not whitespace or comment) seen, for the regex decision. */
  lastCode: number;
  /** Delimiters of here-documents whose bodies start at the next line. */
  heredocs: string[];
  run: LexRun;
  meter: Meter;
  guard: GuardContext;
  /** A regex literal that started before this offset failed here (at its line end): see skipRegex. */
  regexFailedAt: number;
  /** Where lineStart() has looked up to, and the start of the line there. */
  cursor: { at: number; lineStart: number };
}

/** step() found the spec's end tag: code ends here. */
const STOP = -2;

/** The offset of `needle` at or after `from`, or -1; the characters it passes count as steps. */
function find(text: string, needle: string, from: number, meter: Meter): number {
  const at = text.indexOf(needle, from);
  meter.steps += (at < 0 ? text.length : at) - from + 1;
  return at;
}

function lineEnd(text: string, i: number, meter: Meter): number {
  let j = i;
  while (j < text.length && !isNewline(text.charCodeAt(j))) j++;
  meter.steps += j - i + 1;
  return j;
}

/** The offset just past the line break that ends the line holding offset i. */
function nextLineStart(text: string, i: number, meter: Meter): number {
  const j = lineEnd(text, i, meter);
  return text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
}

function interestingCharacters(spec: LexSpec, rules: ReadonlyArray<{ open: string }>): Uint8Array {
  const interesting = new Uint8Array(128);
  const mark = (chars: string): void => {
    for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) < 128) interesting[chars.charCodeAt(k)] = 1;
  };
  for (const rule of rules) mark(rule.open[0]!);
  mark(spec.literalPrefixes ?? '');
  if (spec.javascript) mark('`/{}');
  if (spec.rustRawStrings) mark('rb');
  if (spec.cppRawStrings) mark('R');
  if (spec.swiftRawStrings) mark('#');
  if (spec.luaLongBrackets) mark('[-');
  if (spec.charLiteralQuote) mark("'");
  if (spec.heredoc) mark(`${spec.heredoc.open[0]}\n\r`);
  if (spec.sigils) mark('~');
  if (spec.endTag) mark(spec.endTag[0]!);
  return interesting;
}

function newLexer(text: string, spec: LexSpec, comments: Comment[], run: LexRun): Lexer {
  const lines = spec.lineComments ?? [];
  const blocks = spec.blockComments ?? [];
  const strings = [...(spec.strings ?? [])].sort((a, b) => b.open.length - a.open.length);
  const { meter } = run;
  const lx: Lexer = {
    text,
    n: text.length,
    spec,
    lines,
    blocks,
    strings,
    literalPrefixes: spec.literalPrefixes ?? '',
    interesting: interestingCharacters(spec, [...lines, ...blocks, ...strings]),
    comments,
    templateStack: [],
    lastCode: -1,
    heredocs: [],
    run,
    meter,
    guard: { meter, lineStart: (i) => lineStartOf(lx, i) },
    regexFailedAt: -1,
    cursor: { at: 0, lineStart: 0 },
  };
  return lx;
}

/** The start of the line holding offset i; the lexer asks in increasing order, so a cursor passes each character once. */
function lineStartOf(lx: Lexer, i: number): number {
  const { text, cursor, meter } = lx;
  if (i < cursor.at) {
    let j = i;
    while (j > 0 && !isNewline(text.charCodeAt(j - 1))) j--;
    meter.steps += i - j + 1;
    return j;
  }
  for (; cursor.at < i; cursor.at++) if (isNewline(text.charCodeAt(cursor.at))) cursor.lineStart = cursor.at + 1;
  meter.steps++;
  return cursor.lineStart;
}

const applies = (lx: Lexer, i: number, rule: { open: string; guard?: Guard }): boolean =>
  lx.text.startsWith(rule.open, i) && (!rule.guard || rule.guard(lx.text, i, lx.guard));

function skipString(text: string, from: number, rule: StringRule, meter: Meter): number {
  const n = text.length;
  let j = from + rule.open.length;
  for (; j < n; meter.steps++) {
    if (rule.escape !== undefined && text[j] === rule.escape) {
      j += 2;
      continue;
    }
    if (rule.singleLine && isNewline(text.charCodeAt(j))) return j;
    if (text.startsWith(rule.close, j)) {
      if (rule.doubled && text.startsWith(rule.close, j + rule.close.length)) {
        j += rule.close.length * 2;
        continue;
      }
      return j + rule.close.length;
    }
    j++;
  }
  return n;
}

function skipBlock(lx: Lexer, from: number, rule: BlockCommentRule): number {
  const { text } = lx;
  let depth = 1;
  let j = from + rule.open.length;
  for (; j < text.length; lx.meter.steps++) {
    if (text.startsWith(rule.close, j) && (!rule.closeGuard || rule.closeGuard(text, j, lx.guard))) {
      depth--;
      j += rule.close.length;
      if (depth === 0 || !rule.nested) return j;
    } else if (rule.nested && applies(lx, j, rule)) {
      depth++;
      j += rule.open.length;
    } else j++;
  }
  return text.length;
}

/** Scans template characters from `from`; returns where code resumes and whether it entered a ${. */
function skipTemplate(text: string, from: number, meter: Meter): { next: number; inExpression: boolean } {
  let j = from;
  for (; j < text.length; meter.steps++) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 96) return { next: j + 1, inExpression: false };
    else if (c === 36 && text.charCodeAt(j + 1) === 123) return { next: j + 2, inExpression: true };
    else j++;
  }
  return { next: text.length, inExpression: false };
}

/** Whether a `/` after the code that ends at `lastCode` starts a regex literal (rather than a division). */
function regexAllowed(text: string, lastCode: number, meter: Meter): boolean {
  if (lastCode < 0) return true;
  const c = text.charCodeAt(lastCode);
  if (c === 41 || c === 93) return false; // ) ]
  if ((c === 43 || c === 45) && text.charCodeAt(lastCode - 1) === c) return false; // a++ / 2, a-- / 2
  if (!isWordCode(c)) return true;
  let k = lastCode;
  while (k > 0 && isWordCode(text.charCodeAt(k - 1))) k--;
  meter.steps += lastCode - k;
  return REGEX_AFTER_KEYWORD.has(text.slice(k, lastCode + 1)) && text.charCodeAt(k - 1) !== 46;
}

/**
 * Returns the end of a regex literal starting at `from`, or -1 if it is not one. After a literal that started earlier
 * failed at the end of this line, every later `/` on it was inside a class; from `from` a scan reads the same tokens,
 * so it ends where that one did as soon as it meets a bracket: only a `/` before the first bracket can close it.
 */
function skipRegex(lx: Lexer, from: number): number {
  const { text, meter } = lx;
  const afterFailure = from < lx.regexFailedAt;
  let j = from + 1;
  let inClass = false;
  for (; j < text.length; meter.steps++) {
    const c = text.charCodeAt(j);
    if (isNewline(c)) break;
    if (c === 92) j += 2;
    else if (c === 91 || c === 93) {
      if (afterFailure) return -1;
      inClass = c === 91;
      j++;
    } else if (c === 47 && !inClass) {
      j++;
      while (j < text.length && isWordCode(text.charCodeAt(j))) j++;
      return j;
    } else j++;
  }
  lx.regexFailedAt = Math.max(lx.regexFailedAt, j);
  return -1;
}

function longBracketLevel(text: string, at: number, meter: Meter): number {
  if (text.charCodeAt(at) !== 91) return -1;
  let j = at + 1;
  while (text.charCodeAt(j) === 61) j++;
  meter.steps += j - at;
  return text.charCodeAt(j) === 91 ? j - at - 1 : -1;
}

function skipLongBracket(text: string, at: number, level: number, meter: Meter): number {
  const close = ']' + '='.repeat(level) + ']';
  const end = find(text, close, at + level + 2, meter);
  return end < 0 ? text.length : end + close.length;
}

/** Rust r"..", r#".."#, br#".."#: the end of the raw string at `at`, or -1. */
function rustRawEnd(text: string, at: number, meter: Meter): number {
  let j = at;
  if (text[j] === 'b') j++;
  if (text[j] !== 'r' || isWordChar(text, at - 1)) return -1;
  j++;
  let hashes = 0;
  while (text[j] === '#') {
    hashes++;
    j++;
  }
  meter.steps += hashes;
  if (text[j] !== '"') return -1;
  const close = '"' + '#'.repeat(hashes);
  const end = find(text, close, j + 1, meter);
  return end < 0 ? text.length : end + close.length;
}

function cppRawEnd(text: string, at: number, meter: Meter): number {
  if (!text.startsWith('R"', at)) return -1;
  const before = text.slice(Math.max(0, at - 2), at);
  if (isWordChar(text, at - 1) && !/(u8|[LuU])$/.test(before)) return -1;
  const paren = text.slice(at + 2, at + 19).indexOf('(') + at + 2;
  meter.steps += 17;
  if (paren < at + 2) return -1;
  const close = ')' + text.slice(at + 2, paren) + '"';
  const end = find(text, close, paren + 1, meter);
  return end < 0 ? text.length : end + close.length;
}

/** Swift #"..."#: the end of the raw string at `at`; a run of # that opens none is passed whole. */
function swiftRawEnd(text: string, at: number, meter: Meter): number {
  let j = at;
  while (text[j] === '#') j++;
  meter.steps += j - at;
  const hashes = j - at;
  if (text[j] !== '"') return j;
  const multi = text.startsWith('"""', j);
  const close = (multi ? '"""' : '"') + '#'.repeat(hashes);
  const end = find(text, close, j + (multi ? 3 : 1), meter);
  return end < 0 ? text.length : end + close.length;
}

/** The end of the char literal whose opening quote is at `at` ('a', '\n', '\u{1F600}'), or -1. */
function charLiteralBody(text: string, at: number, meter: Meter): number {
  if (text[at + 1] === '\\') {
    let j = at + 2;
    while (j < text.length && text[j] !== "'" && !isNewline(text.charCodeAt(j))) j++;
    meter.steps += j - at;
    return text[j] === "'" ? j + 1 : -1;
  }
  const width = text.codePointAt(at + 1)! > 0xffff ? 2 : 1;
  return text[at + 1 + width] === "'" && !isNewline(text.charCodeAt(at + 1)) ? at + 2 + width : -1;
}

function charLiteralEnd(text: string, at: number, meter: Meter): number {
  if (isWordChar(text, at - 1) || text[at - 1] === "'") return -1;
  return charLiteralBody(text, at, meter);
}

/** Rust: raw strings and byte chars (b'"'), which start with r or b. */
function rustLiteralEnd(text: string, at: number, meter: Meter): number {
  if (text[at] === 'b' && text[at + 1] === "'" && !isWordChar(text, at - 1)) return charLiteralBody(text, at + 1, meter);
  return rustRawEnd(text, at, meter);
}

const SIGIL_CLOSERS: Record<string, string> = { '/': '/', '|': '|', '"': '"', "'": "'", '(': ')', '[': ']', '{': '}', '<': '>' };

/** Elixir sigils (~r/../, ~s(..), ~S"""..."""): the end of the sigil at `at`, or -1. */
function sigilEnd(text: string, at: number, meter: Meter): number {
  let j = at + 1;
  while (j < at + 16 && (isLowerLetter(text.charCodeAt(j)) || isUpperLetter(text.charCodeAt(j)))) j++;
  meter.steps += j - at;
  const close = SIGIL_CLOSERS[text[j] ?? ''];
  if (j === at + 1 || close === undefined) return -1;
  const triple = text.startsWith(text[j]!.repeat(3), j) && (close === '"' || close === "'");
  const open = triple ? close.repeat(3) : text[j]!;
  let end = skipString(text, j, { open, close: triple ? open : close, escape: '\\' }, meter);
  while (end < text.length && isLowerLetter(text.charCodeAt(end))) end++;
  return end;
}

const DELIMITER = /^[A-Za-z_][A-Za-z0-9_]*/;
const MAX_DELIMITER = 64;

/** The delimiter of a here-document opened at `at` and the offset after it, or undefined. */
function heredocOpener(text: string, at: number, rule: HeredocRule, meter: Meter): { delimiter: string; next: number } | undefined {
  if (!text.startsWith(rule.open, at) || text[at + rule.open.length] === '<' || text[at - 1] === '<') return undefined;
  let j = at + rule.open.length;
  if (text[j] === '-' || text[j] === '~') j++;
  if (rule.spaced) while (text[j] === ' ' || text[j] === '\t') j++;
  meter.steps += j - at;
  const quote = text[j] === "'" || text[j] === '"' || text[j] === '\\' ? text[j] : undefined;
  if (quote) j++;
  const word = DELIMITER.exec(text.slice(j, j + MAX_DELIMITER))?.[0];
  meter.steps += word?.length ?? 1;
  if (!word || (rule.capitalBare && !quote && !/^[A-Z]/.test(word))) return undefined;
  j += word.length;
  if (quote && quote !== '\\') {
    if (text[j] !== quote) return undefined;
    j++;
  }
  return { delimiter: word, next: j };
}

/**
 * Skips the bodies of pending here-documents from the line break at `at`; returns the offset just past the last
 * terminator, or -1 when a delimiter never comes back (then it was no here-document: `a <<B` shifts by a constant).
 */
function skipHeredocBodies(lx: Lexer, at: number, delimiters: readonly string[]): number {
  const { text, meter } = lx;
  let lineStart = text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  let end = -1;
  for (const delimiter of delimiters) {
    end = terminatorEnd((lx.run.terminators ??= terminatorIndex(text, meter)), delimiter, lineStart, meter);
    if (end < 0) return -1;
    lineStart = nextLineStart(text, end, meter);
  }
  return end;
}

/** Indexes every line whose first word (after blanks) could be a delimiter, with no word character going on after it. */
function terminatorIndex(text: string, meter: Meter): TerminatorIndex {
  const index: TerminatorIndex = new Map();
  for (let lineStart = 0; lineStart < text.length; lineStart = nextLineStart(text, lineStart, meter)) {
    let j = lineStart;
    while (text[j] === ' ' || text[j] === '\t') j++;
    const word = DELIMITER.exec(text.slice(j, j + MAX_DELIMITER + 1))?.[0];
    if (!word || word.length > MAX_DELIMITER || isWordChar(text, j + word.length)) continue;
    const lines = index.get(word) ?? { lineStarts: [], ends: [] };
    lines.lineStarts.push(lineStart);
    lines.ends.push(j + word.length);
    index.set(word, lines);
  }
  return index;
}

/** The offset past the first terminator of `delimiter` on a line starting at or after `from`, or -1. */
function terminatorEnd(index: TerminatorIndex, delimiter: string, from: number, meter: Meter): number {
  const lines = index.get(delimiter);
  if (!lines) return -1;
  let low = 0;
  let high = lines.lineStarts.length;
  for (; low < high; meter.steps++) {
    const mid = (low + high) >> 1;
    if (lines.lineStarts[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low < lines.ends.length ? lines.ends[low]! : -1;
}

/** A line comment ends at the end of its line, or (PHP) at the end tag. */
function lineCommentEnd(text: string, at: number, endTag: string | undefined, meter: Meter): number {
  if (endTag === undefined) return lineEnd(text, at, meter);
  let j = at;
  while (j < text.length && !isNewline(text.charCodeAt(j)) && !text.startsWith(endTag, j)) j++;
  meter.steps += j - at + 1;
  return j;
}

function addLine(lx: Lexer, at: number, open: string): number {
  const end = lineCommentEnd(lx.text, at, lx.spec.endTag, lx.meter);
  lx.comments.push({ kind: 'line', start: at, end, bodyStart: at + open.length, bodyEnd: end });
  return end;
}

function addBlock(lx: Lexer, at: number, open: string, end: number, close: string): number {
  const closed = lx.text.startsWith(close, end - close.length) && end - close.length >= at + open.length;
  lx.comments.push({ kind: 'block', start: at, end, bodyStart: at + open.length, bodyEnd: closed ? end - close.length : end });
  return end;
}

/** Lua long brackets: --[[ ]] comments and [[ ]] strings, with their =-levels. */
function stepLua(lx: Lexer, i: number): number {
  const { text, meter } = lx;
  if (text.startsWith('--', i)) {
    const level = longBracketLevel(text, i + 2, meter);
    if (level >= 0) return addBlock(lx, i, text.slice(i, i + level + 4), skipLongBracket(text, i + 2, level, meter), ']' + '='.repeat(level) + ']');
  }
  const level = longBracketLevel(text, i, meter);
  return level >= 0 ? skipLongBracket(text, i, level, meter) : -1;
}

function stepComment(lx: Lexer, i: number): number {
  for (const rule of lx.blocks) if (applies(lx, i, rule)) return addBlock(lx, i, rule.open, skipBlock(lx, i, rule), rule.close);
  for (const rule of lx.lines) if (applies(lx, i, rule)) return addLine(lx, i, rule.open);
  return -1;
}

/** Raw strings, char literals, sigils, here-document openers, strings and literal prefixes. */
function stepLiteral(lx: Lexer, i: number, c: number): number {
  const { text, spec, meter } = lx;
  let end = -1;
  if (spec.rustRawStrings && (c === 114 || c === 98)) end = rustLiteralEnd(text, i, meter);
  else if (spec.cppRawStrings && c === 82) end = cppRawEnd(text, i, meter);
  else if (spec.swiftRawStrings && c === 35) end = swiftRawEnd(text, i, meter);
  else if (spec.sigils && c === 126) end = sigilEnd(text, i, meter);
  else if (spec.charLiteralQuote && c === 39) return Math.max(charLiteralEnd(text, i, meter), i + 1);
  else if (spec.heredoc && c === spec.heredoc.open.charCodeAt(0)) end = stepHeredocOpener(lx, i, spec.heredoc);
  if (end >= 0) return end;
  for (const rule of lx.strings) if (applies(lx, i, rule)) return skipString(text, i, rule, meter);
  return lx.literalPrefixes.includes(text[i]!) ? Math.min(lx.n, i + 2) : -1;
}

function stepHeredocOpener(lx: Lexer, i: number, rule: HeredocRule): number {
  const opener = heredocOpener(lx.text, i, rule, lx.meter);
  if (!opener) return -1;
  lx.heredocs.push(opener.delimiter);
  return opener.next;
}

/** Template literals with ${} nesting, and regex literals. */
function stepJavascript(lx: Lexer, i: number, c: number): number {
  const { text, templateStack } = lx;
  if (c === 96) return enterTemplate(lx, i + 1);
  if (c === 123 && templateStack.length > 0) templateStack[templateStack.length - 1]!++;
  if (c === 125 && templateStack.length > 0) {
    if (templateStack[templateStack.length - 1] === 0) {
      templateStack.pop();
      return enterTemplate(lx, i + 1);
    }
    templateStack[templateStack.length - 1]!--;
  }
  return c === 47 && regexAllowed(text, lx.lastCode, lx.meter) ? skipRegex(lx, i) : -1;
}

function enterTemplate(lx: Lexer, from: number): number {
  const t = skipTemplate(lx.text, from, lx.meter);
  if (t.inExpression) lx.templateStack.push(0);
  return t.next;
}

/** Tries every rule at offset i; returns the offset to continue from, -1 if nothing starts here, or STOP. */
function step(lx: Lexer, i: number, c: number): number {
  const { spec } = lx;
  if (isNewline(c)) return lx.heredocs.length > 0 ? skipHeredocBodies(lx, i, lx.heredocs.splice(0)) : -1;
  if (spec.endTag && lx.text.startsWith(spec.endTag, i)) return STOP;
  let next = spec.luaLongBrackets && (c === 45 || c === 91) ? stepLua(lx, i) : -1;
  if (next < 0) next = stepComment(lx, i);
  if (next < 0) next = stepLiteral(lx, i, c);
  if (next < 0 && spec.javascript) next = stepJavascript(lx, i, c);
  return next;
}

/** Lexes code from `from` to the end of input or the spec's end tag, adding the comments it finds; returns where it stopped. */
export function lexCode(text: string, spec: LexSpec, from: number, comments: Comment[], run: LexRun = { meter: { steps: 0 } }): number {
  const lx = newLexer(text, spec, comments, run);
  const { meter } = run;
  let i = from;
  while (i < lx.n) {
    meter.steps++;
    const c = text.charCodeAt(i);
    if (c < 128 && lx.interesting[c] === 1) {
      const before = comments.length;
      const next = step(lx, i, c);
      if (next === STOP) return i;
      if (next >= 0) {
        if (comments.length === before) lx.lastCode = next - 1;
        i = next;
        continue;
      }
    }
    if (c !== 32 && c !== 9 && !isNewline(c)) lx.lastCode = i;
    i++;
  }
  return lx.n;
}

export function lexComments(text: string, spec: LexSpec, meter: Meter = { steps: 0 }): Comment[] {
  const comments: Comment[] = [];
  lexCode(text, spec, 0, comments, { meter });
  return comments;
}
