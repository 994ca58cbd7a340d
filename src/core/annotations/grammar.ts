import type { Meta, Warning } from '../model';
import { lineStarts, positionAt } from '../text/lines';
import type { Comment } from './lexer';
import { ownerInText, parseMeta } from './meta';

export const DEFAULT_TAGS = ['DEBT', 'TODO', 'FIXME', 'HACK', 'XXX', 'BUG', 'OPTIMIZE', 'REFACTOR'];

/** An annotation before it has an id: where it is and what it says. */
export interface FoundAnnotation {
  tag: string;
  text: string;
  meta: Meta;
  line: number;
  column: number;
  endLine: number;
  warnings: Warning[];
}

export interface TagMatcher {
  /** Finds any tag anywhere: a cheap test before lexing. */
  anywhere: RegExp;
  /** A tag at the start of a comment line, after its decoration. */
  atStart: RegExp;
  /** False when UTF-8 bytes hold no tag's spelling, so they need no decoding: a cheaper test before `anywhere`. */
  inBytes: (utf8: Buffer) => boolean;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function tagMatcher(tags: readonly string[]): TagMatcher {
  const alternatives = [...tags].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return {
    anywhere: new RegExp(`(?:${alternatives})(?![\\w$])`),
    atStart: new RegExp(`^@?(${alternatives})(?![\\w$])`),
    inBytes: bytesHoldAny(tags.map((tag) => Buffer.from(tag, 'utf8'))),
  };
}

/**
 * Buffer#indexOf runs a memchr-based search for needles under 8 bytes and a Boyer-Moore-Horspool one from 8 on,
 * 5x slower on source text (OPTIMIZE over the scan corpus: 15 ms, its first 7 bytes: 2.6 ms).
 */
const FAST_NEEDLE_BYTES = 7;

function bytesHoldAny(needles: readonly Buffer[]): (utf8: Buffer) => boolean {
  const prefixes = needles.map((needle) => needle.subarray(0, FAST_NEEDLE_BYTES));
  return (utf8) => needles.some((needle, k) => holds(utf8, needle, prefixes[k]!));
}

function holds(haystack: Buffer, needle: Buffer, prefix: Buffer): boolean {
  if (prefix.length === needle.length) return haystack.includes(needle);
  for (let at = haystack.indexOf(prefix); at >= 0; at = haystack.indexOf(prefix, at + 1)) {
    if (haystack.subarray(at, at + needle.length).equals(needle)) return true;
  }
  return false;
}

interface CommentLine {
  /** Absolute offset of the first character of `text`. */
  offset: number;
  text: string;
}

const NEWLINE = /\r\n|\r|\n/g;

/** The lines of a comment body with their decoration (leading `*`, repeated `//`, `#`, `--`) removed. */
function commentLines(text: string, comment: Comment): CommentLine[] {
  const body = text.slice(comment.bodyStart, comment.bodyEnd);
  const decoration = comment.kind === 'line' ? /^[/#;%!-]*[ \t]*/ : /^[ \t]*(?:\*+(?!\/)|!)?[ \t]*/;
  const lines: CommentLine[] = [];
  let start = 0;
  const push = (end: number): void => {
    const raw = body.slice(start, end);
    const strip = decoration.exec(raw)?.[0].length ?? 0;
    lines.push({ offset: comment.bodyStart + start + strip, text: raw.slice(strip).trimEnd() });
  };
  NEWLINE.lastIndex = 0;
  for (let m = NEWLINE.exec(body); m; m = NEWLINE.exec(body)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(body.length);
  return lines;
}

function onlyWhitespaceBefore(text: string, offset: number): boolean {
  for (let j = offset - 1; j >= 0; j--) {
    const c = text[j];
    if (c === '\n' || c === '\r') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** A bracket or punctuation line, a line ending as a statement or block does, or one indented as code under the tag. */
const CODE_LINE = /^[{}()[\];,`]+$|[{;`]$/;
const CODE_INDENT = 4;

/** Whether a comment line after an annotation is commented-out code rather than more of its text (it then ends the text). */
const isCommentedOutCode = (line: string, deeper: number): boolean => deeper >= CODE_INDENT || CODE_LINE.test(line);

/**
 * Reads annotations out of a file's comments: one per comment line that starts with a tag,
 * continued by the comment lines after it that carry no tag, up to a blank line or commented-out code.
 */
export function annotationsFromComments(text: string, comments: readonly Comment[], file: string, tags: TagMatcher): FoundAnnotation[] {
  const found: FoundAnnotation[] = [];
  let starts: number[] | undefined;
  const position = (offset: number): { line: number; column: number } => positionAt((starts ??= lineStarts(text)), offset);

  /** The annotation still open for continuation by the next own-line line comment, and its line. */
  let open: { item: FoundAnnotation; opener: string; indent: number } | undefined;

  for (const comment of comments) {
    const opener = text.slice(comment.start, comment.bodyStart);
    const ownLine = comment.kind === 'line' && onlyWhitespaceBefore(text, comment.start);
    const body = text.slice(comment.bodyStart, comment.bodyEnd);
    const continues = open !== undefined && ownLine && opener === open.opener && position(comment.start).line === open.item.endLine + 1;
    if (!continues) open = undefined;
    if (!continues && !tags.anywhere.test(body)) continue;

    let current = open?.item;
    let indent = open?.indent ?? 0;
    const indentOf = (line: CommentLine): number => position(line.offset).column - position(comment.start).column;
    for (const line of commentLines(text, comment)) {
      const match = tags.atStart.exec(line.text);
      if (match) {
        current = readAnnotation(line, match, file, position);
        indent = indentOf(line);
        found.push(current);
      } else if (current && line.text !== '' && !isCommentedOutCode(line.text, indentOf(line) - indent)) {
        current.text = current.text === '' ? line.text : `${current.text} ${line.text}`;
        current.endLine = position(line.offset).line;
      } else {
        current = undefined;
      }
    }
    open = current && ownLine ? { item: current, opener, indent } : undefined;
  }
  return withWarningsCapped(found, file);
}

/** Warnings one file may give: a comment with 250,000 bad META items must not flood (or overflow) what reports them. */
export const MAX_WARNINGS_PER_FILE = 100;

/** Keeps the first MAX_WARNINGS_PER_FILE warnings of a file's annotations; the one that crosses it also says how many were dropped. */
function withWarningsCapped(found: FoundAnnotation[], file: string): FoundAnnotation[] {
  let left = MAX_WARNINGS_PER_FILE;
  let dropped = 0;
  let crossing: FoundAnnotation | undefined;
  for (const annotation of found) {
    if (annotation.warnings.length <= left) {
      left -= annotation.warnings.length;
      continue;
    }
    dropped += annotation.warnings.length - left;
    crossing ??= annotation;
    annotation.warnings = annotation.warnings.slice(0, left);
    left = 0;
  }
  if (crossing) crossing.warnings.push({ file, line: crossing.line, column: crossing.column, code: 'warnings-dropped', message: `${dropped} more warnings in this file are not shown (at most ${MAX_WARNINGS_PER_FILE} a file)` });
  return found;
}

function readAnnotation(
  line: CommentLine,
  match: RegExpExecArray,
  file: string,
  position: (offset: number) => { line: number; column: number },
): FoundAnnotation {
  const tag = match[1]!;
  const at = position(line.offset);
  const warnings: Warning[] = [];
  let rest = line.text.slice(match[0].length);
  let meta: Meta = {};
  if (rest.startsWith('(')) {
    const close = rest.indexOf(')');
    if (close < 0) {
      warnings.push({ file, line: at.line, column: at.column + match[0].length, code: 'meta-unclosed', message: `META after ${tag} has no closing ")"; read as text` });
    } else {
      const metaOffset = line.offset + match[0].length + 1;
      const parsed = parseMeta(rest.slice(1, close));
      meta = parsed.meta;
      for (const problem of parsed.problems) {
        const where = position(metaOffset + problem.offset);
        warnings.push({ file, line: where.line, column: where.column, code: problem.code, message: problem.message });
      }
      rest = rest.slice(close + 1);
    }
  }
  const inText = meta.owner === undefined ? ownerInText(rest) : undefined;
  if (inText) {
    meta = { ...meta, owner: inText.owner };
    rest = inText.rest;
  }
  const text = rest.replace(/^\s*:?\s*/, '');
  return { tag, text, meta, line: at.line, column: at.column, endLine: at.line, warnings };
}
