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

/** Decides from the text before offset i whether an opener there counts. */
export type Guard = (text: string, i: number) => boolean;

export interface LineCommentRule {
  open: string;
  guard?: Guard;
}

export interface BlockCommentRule {
  open: string;
  close: string;
  nested?: boolean;
  guard?: Guard;
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

export interface LexSpec {
  lineComments?: LineCommentRule[];
  blockComments?: BlockCommentRule[];
  strings?: StringRule[];
  /** JS/TS: template literals with ${} nesting, and regex literals. */
  javascript?: boolean;
  rustRawStrings?: boolean;
  cppRawStrings?: boolean;
  swiftRawStrings?: boolean;
  luaLongBrackets?: boolean;
  /** ' starts a char literal only when it looks like one ('a', '\n'); otherwise it is a lifetime, label or prime. */
  charLiteralQuote?: boolean;
  /** Characters that make the next character literal outside strings (TeX \%, Clojure \;, Erlang $%). */
  literalPrefixes?: string;
}

const isWordCode = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;

const isNewline = (c: number): boolean => c === 10 || c === 13;

export const isWordChar = (text: string, i: number): boolean => i >= 0 && i < text.length && isWordCode(text.charCodeAt(i));

/** Only whitespace stands between the start of the line and offset i. */
export const atLineStart: Guard = (text, i) => {
  for (let j = i - 1; j >= 0; j--) {
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

function lineEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && !isNewline(text.charCodeAt(j))) j++;
  return j;
}

export function lexComments(text: string, spec: LexSpec): Comment[] {
  const comments: Comment[] = [];
  const lines = spec.lineComments ?? [];
  const blocks = spec.blockComments ?? [];
  const strings = [...(spec.strings ?? [])].sort((a, b) => b.open.length - a.open.length);
  const literalPrefixes = spec.literalPrefixes ?? '';
  const js = spec.javascript === true;

  const interesting = new Uint8Array(128);
  const mark = (s: string): void => {
    const c = s.charCodeAt(0);
    if (c < 128) interesting[c] = 1;
  };
  for (const rule of [...lines, ...blocks, ...strings]) mark(rule.open);
  for (const ch of literalPrefixes) mark(ch);
  if (js) for (const ch of '`/{}') mark(ch);
  if (spec.rustRawStrings) for (const ch of 'rb') mark(ch);
  if (spec.cppRawStrings) for (const ch of 'R') mark(ch);
  if (spec.swiftRawStrings) mark('#');
  if (spec.luaLongBrackets) for (const ch of '[-') mark(ch);
  if (spec.charLiteralQuote) mark("'");

  const n = text.length;
  /** Brace depth of each open ${ } in enclosing template literals. */
  const templateStack: number[] = [];
  /** Offset of the last character of code (not whitespace or comment) seen, for the regex decision. */
  let lastCode = -1;
  let i = 0;

  const skipString = (from: number, rule: StringRule): number => {
    let j = from + rule.open.length;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (rule.escape !== undefined && text[j] === rule.escape) {
        j += 2;
        continue;
      }
      if (rule.singleLine && isNewline(c)) return j;
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
  };

  const skipBlock = (from: number, rule: BlockCommentRule): number => {
    let depth = 1;
    let j = from + rule.open.length;
    while (j < n) {
      if (text.startsWith(rule.close, j)) {
        depth--;
        j += rule.close.length;
        if (depth === 0 || !rule.nested) return j;
      } else if (rule.nested && text.startsWith(rule.open, j)) {
        depth++;
        j += rule.open.length;
      } else j++;
    }
    return n;
  };

  /** Scans template characters from `from`; returns where code resumes and whether it entered a ${. */
  const skipTemplate = (from: number): { next: number; inExpression: boolean } => {
    let j = from;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 96) return { next: j + 1, inExpression: false };
      else if (c === 36 && text.charCodeAt(j + 1) === 123) return { next: j + 2, inExpression: true };
      else j++;
    }
    return { next: n, inExpression: false };
  };

  const regexAllowed = (): boolean => {
    if (lastCode < 0) return true;
    const c = text.charCodeAt(lastCode);
    if (c === 41 || c === 93) return false; // ) ]
    if (!isWordCode(c)) return true;
    let k = lastCode;
    while (k > 0 && isWordCode(text.charCodeAt(k - 1))) k--;
    return REGEX_AFTER_KEYWORD.has(text.slice(k, lastCode + 1)) && text.charCodeAt(k - 1) !== 46;
  };

  /** Returns the end of a regex literal starting at `from`, or -1 if it is not one. */
  const skipRegex = (from: number): number => {
    let j = from + 1;
    let inClass = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isNewline(c)) return -1;
      if (c === 92) j += 2;
      else if (c === 91 || c === 93) {
        inClass = c === 91;
        j++;
      } else if (c === 47 && !inClass) {
        j++;
        while (j < n && isWordCode(text.charCodeAt(j))) j++;
        return j;
      } else j++;
    }
    return -1;
  };

  const longBracketLevel = (at: number): number => {
    if (text.charCodeAt(at) !== 91) return -1;
    let j = at + 1;
    while (text.charCodeAt(j) === 61) j++;
    return text.charCodeAt(j) === 91 ? j - at - 1 : -1;
  };

  const skipLongBracket = (at: number, level: number): number => {
    const close = ']' + '='.repeat(level) + ']';
    const end = text.indexOf(close, at + level + 2);
    return end < 0 ? n : end + close.length;
  };

  const rawStringEnd = (at: number): number => {
    // Rust r"..", r#".."#, br#".."#
    let j = at;
    if (text[j] === 'b') j++;
    if (text[j] !== 'r' || !notAfterWord(text, at)) return -1;
    j++;
    let hashes = 0;
    while (text[j] === '#') {
      hashes++;
      j++;
    }
    if (text[j] !== '"') return -1;
    const close = '"' + '#'.repeat(hashes);
    const end = text.indexOf(close, j + 1);
    return end < 0 ? n : end + close.length;
  };

  const cppRawEnd = (at: number): number => {
    if (!text.startsWith('R"', at)) return -1;
    const before = text.slice(Math.max(0, at - 2), at);
    if (isWordChar(text, at - 1) && !/(u8|[LuU])$/.test(before)) return -1;
    const paren = text.indexOf('(', at + 2);
    if (paren < 0 || paren - at - 2 > 16) return -1;
    const close = ')' + text.slice(at + 2, paren) + '"';
    const end = text.indexOf(close, paren + 1);
    return end < 0 ? n : end + close.length;
  };

  const swiftRawEnd = (at: number): number => {
    let j = at;
    while (text[j] === '#') j++;
    const hashes = j - at;
    if (text[j] !== '"') return -1;
    const multi = text.startsWith('"""', j);
    const close = (multi ? '"""' : '"') + '#'.repeat(hashes);
    const end = text.indexOf(close, j + (multi ? 3 : 1));
    return end < 0 ? n : end + close.length;
  };

  const charLiteralEnd = (at: number): number => {
    if (isWordChar(text, at - 1) || text[at - 1] === "'") return -1;
    if (text[at + 1] === '\\') {
      const end = text.indexOf("'", at + 2);
      const eol = lineEnd(text, at);
      return end < 0 || end > eol ? -1 : end + 1;
    }
    const width = text.codePointAt(at + 1)! > 0xffff ? 2 : 1;
    return text[at + 1 + width] === "'" && !isNewline(text.charCodeAt(at + 1)) ? at + 2 + width : -1;
  };

  const addLine = (at: number, open: string): number => {
    const end = lineEnd(text, at);
    comments.push({ kind: 'line', start: at, end, bodyStart: at + open.length, bodyEnd: end });
    return end;
  };

  const addBlock = (at: number, open: string, end: number, close: string): number => {
    const closed = text.startsWith(close, end - close.length) && end - close.length >= at + open.length;
    comments.push({ kind: 'block', start: at, end, bodyStart: at + open.length, bodyEnd: closed ? end - close.length : end });
    return end;
  };

  /** Tries every rule at offset i; returns the offset to continue from, or -1 if nothing starts here. */
  const step = (): number => {
    const c = text.charCodeAt(i);

    if (spec.luaLongBrackets) {
      if (c === 45 && text.charCodeAt(i + 1) === 45) {
        const level = longBracketLevel(i + 2);
        if (level >= 0) return addBlock(i, text.slice(i, i + level + 4), skipLongBracket(i + 2, level), ']' + '='.repeat(level) + ']');
      }
      if (c === 91) {
        const level = longBracketLevel(i);
        if (level >= 0) return skipLongBracket(i, level);
      }
    }
    for (const rule of blocks) {
      if (text.startsWith(rule.open, i) && (!rule.guard || rule.guard(text, i))) {
        return addBlock(i, rule.open, skipBlock(i, rule), rule.close);
      }
    }
    for (const rule of lines) {
      if (text.startsWith(rule.open, i) && (!rule.guard || rule.guard(text, i))) return addLine(i, rule.open);
    }
    if (spec.rustRawStrings && (c === 114 || c === 98)) {
      const end = rawStringEnd(i);
      if (end >= 0) return end;
    }
    if (spec.cppRawStrings && c === 82) {
      const end = cppRawEnd(i);
      if (end >= 0) return end;
    }
    if (spec.swiftRawStrings && c === 35) {
      const end = swiftRawEnd(i);
      if (end >= 0) return end;
    }
    if (spec.charLiteralQuote && c === 39) {
      const end = charLiteralEnd(i);
      return end >= 0 ? end : i + 1;
    }
    for (const rule of strings) {
      if (text.startsWith(rule.open, i) && (!rule.guard || rule.guard(text, i))) return skipString(i, rule);
    }
    if (literalPrefixes.includes(text[i]!)) return Math.min(n, i + 2);
    if (js) {
      if (c === 96) {
        const t = skipTemplate(i + 1);
        if (t.inExpression) templateStack.push(0);
        return t.next;
      }
      if (c === 123 && templateStack.length > 0) templateStack[templateStack.length - 1]!++;
      if (c === 125 && templateStack.length > 0) {
        if (templateStack[templateStack.length - 1] === 0) {
          templateStack.pop();
          const t = skipTemplate(i + 1);
          if (t.inExpression) templateStack.push(0);
          return t.next;
        }
        templateStack[templateStack.length - 1]!--;
      }
      if (c === 47 && regexAllowed()) {
        const end = skipRegex(i);
        if (end >= 0) return end;
      }
    }
    return -1;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && interesting[c] === 1) {
      const before = comments.length;
      const next = step();
      if (next >= 0) {
        if (comments.length === before) lastCode = next - 1;
        i = next;
        continue;
      }
    }
    if (c !== 32 && c !== 9 && !isNewline(c)) lastCode = i;
    i++;
  }
  return comments;
}
