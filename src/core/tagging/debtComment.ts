import { annotationsFromComments, tagMatcher } from '../annotations/grammar';
import { printMeta } from '../annotations/meta';
import type { Meta } from '../model';
import { commentLine, type CommentSyntax } from './commentSyntax';

export interface DebtComment {
  tag: string;
  meta: Meta;
  text: string;
}

/** The annotation body: `TAG(meta): text`, or `TAG: text` when there is no META. */
export function annotationBody({ tag, meta, text }: DebtComment): string {
  const printed = printMeta(meta);
  return `${tag}${printed ? `(${printed})` : ''}: ${text}`;
}

/** A full comment line for a new annotation. */
export function debtCommentLine(syntax: CommentSyntax, indent: string, comment: DebtComment): string {
  return commentLine(syntax, indent, annotationBody(comment));
}

export interface TagInLine {
  tag: string;
  /** 0-based offsets of the annotation (tag to end of text) in the line. */
  start: number;
  end: number;
  text: string;
  meta: Meta;
}

/**
 * Finds an annotation on one comment line given the line's comment opener position,
 * as the scanner would read it; undefined when the line holds none.
 */
export function tagInLine(line: string, syntax: CommentSyntax, tags: readonly string[]): TagInLine | undefined {
  const open = line.indexOf(syntax.open);
  if (open < 0) return undefined;
  const closeAt = syntax.close ? line.indexOf(syntax.close, open + syntax.open.length) : -1;
  const bodyEnd = closeAt >= 0 ? closeAt : line.length;
  const comment = { kind: 'line' as const, start: open, end: bodyEnd, bodyStart: open + syntax.open.length, bodyEnd };
  const [found] = annotationsFromComments(line, [comment], '', tagMatcher(tags));
  if (!found) return undefined;
  const start = found.column - 1;
  const body = line.slice(start, bodyEnd).trimEnd();
  return { tag: found.tag, start, end: start + body.length, text: found.text, meta: found.meta };
}

/** Rewrites a TODO/FIXME line as a tracked `DEBT(meta): text` line, keeping its META and everything around it. */
export function trackAsDebt(line: string, syntax: CommentSyntax, tags: readonly string[], meta: Meta): string | undefined {
  const found = tagInLine(line, syntax, tags);
  if (!found) return undefined;
  return `${line.slice(0, found.start)}${annotationBody({ tag: 'DEBT', meta: { ...found.meta, ...meta }, text: found.text })}${line.slice(found.end)}`;
}
