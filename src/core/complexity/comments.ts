import type * as TS from 'typescript';
import type { Comment } from '../annotations/lexer';

type Ts = typeof TS;

/**
 * The comments of a parsed TS/JS file, read from the parse itself: every stretch of text between
 * two nodes holds only punctuation, keywords and trivia (strings, regexes, templates and JSX text
 * are nodes of their own), so a `/` there opens a comment. Iterative: deep files cannot overflow.
 */
export function commentsOfSource(ts: Ts, source: TS.SourceFile): Comment[] {
  const text = source.text;
  const comments: Comment[] = [];

  const scanGap = (from: number, to: number): void => {
    for (let i = text.indexOf('/', from); i !== -1 && i < to - 1; i = text.indexOf('/', i + 1)) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        const end = lineEnd(text, i, to);
        comments.push({ kind: 'line', start: i, end, bodyStart: i + 2, bodyEnd: end });
        i = end;
      } else if (next === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        const end = close === -1 || close + 2 > to ? to : close + 2;
        comments.push({ kind: 'block', start: i, end, bodyStart: i + 2, bodyEnd: close === -1 ? end : close });
        i = end - 1;
      }
    }
  };
  /** A token's comments are its leading trivia; a node without children (an empty block, an empty JSX `{}`) holds only punctuation and trivia. */
  const scanLeaf = (leaf: TS.Node): void => {
    if (leaf.kind === ts.SyntaxKind.JsxText) return;
    if (!ts.isToken(leaf)) return scanGap(leaf.pos, leaf.end);
    for (const range of ts.getLeadingCommentRanges(text, leaf.pos) ?? []) {
      const line = range.kind === ts.SyntaxKind.SingleLineCommentTrivia;
      const bodyEnd = line ? range.end : text.endsWith('*/', range.end) && range.end - range.pos >= 4 ? range.end - 2 : range.end;
      comments.push({ kind: line ? 'line' : 'block', start: range.pos, end: range.end, bodyStart: range.pos + 2, bodyEnd });
    }
  };

  /** A node still to open, or the gap that follows the last child of an opened node. */
  type Step = TS.Node | { gapFrom: TS.Node; to: number };
  const stack: Step[] = [source];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('gapFrom' in step) {
      scanGap(step.gapFrom.end, step.to);
      continue;
    }
    const children: TS.Node[] = [];
    step.forEachChild((child) => {
      children.push(child);
    });
    if (children.length === 0) {
      scanLeaf(step);
      continue;
    }
    stack.push({ gapFrom: children[children.length - 1]!, to: step.end });
    for (let k = children.length - 1; k >= 0; k--) {
      stack.push(children[k]!);
      if (k > 0) stack.push({ gapFrom: children[k - 1]!, to: children[k]!.pos });
    }
    scanGap(step.pos, children[0]!.pos);
  }
  return comments.sort((a, b) => a.start - b.start);
}

function lineEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return i;
  }
  return limit;
}
