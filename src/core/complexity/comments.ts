import type * as TS from 'typescript';
import type { Comment } from '../annotations/lexer';

type Ts = typeof TS;

/**
 * The comments of a parsed TS/JS file, read from the parse itself: every stretch of text between
 * two nodes holds only punctuation, keywords and trivia (strings, regexes, templates and JSX text
 * are nodes of their own), so a `/` there opens a comment. Recursive, like the parser.
 */
export function commentsOfSource(ts: Ts, source: TS.SourceFile): Comment[] {
  const text = source.text;
  const comments: Comment[] = [];

  const scanGap = (from: number, to: number): void => {
    for (let i = from; i < to - 1; i++) {
      if (text.charCodeAt(i) !== 0x2f) continue;
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        const end = lineEnd(text, i, to);
        comments.push({ kind: 'line', start: i, end, bodyStart: i + 2, bodyEnd: end });
        i = end;
      } else if (next === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        const end = close === -1 || close + 2 > to ? to : close + 2;
        comments.push({ kind: 'block', start: i, end, bodyStart: i + 2, bodyEnd: close === -1 || close + 2 > to ? end : close });
        i = end - 1;
      }
    }
  };
  /** A token's comments are in its leading trivia; a node without children (an empty block, an empty JSX `{}`) holds only punctuation and trivia. */
  const scanLeaf = (leaf: TS.Node): void => {
    if (leaf.kind !== ts.SyntaxKind.JsxText) scanGap(leaf.pos, ts.isToken(leaf) ? leaf.getStart(source) : leaf.end);
  };

  let previousEnd = 0;
  const visit = (node: TS.Node): void => {
    let leaf = true;
    node.forEachChild((child) => {
      leaf = false;
      visit(child);
    });
    if (!leaf) return;
    scanGap(previousEnd, node.pos);
    scanLeaf(node);
    previousEnd = node.end;
  };
  visit(source);
  scanGap(previousEnd, text.length);
  return comments.sort((a, b) => a.start - b.start);
}

function lineEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return i;
  }
  return limit;
}
