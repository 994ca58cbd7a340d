import { lexComments, type Comment, type LexSpec } from './lexer';
import { SPECS } from './languages';

const EMBEDDED = /<(script|style)\b([^>]*)>/giy;

function embeddedSpec(tag: string, attributes: string): LexSpec {
  if (tag.toLowerCase() === 'script') return SPECS.javascript;
  return /\blang\s*=\s*["']?(scss|less)/i.test(attributes) ? SPECS.scss : SPECS.css;
}

/** Comments of an HTML-like document: <!-- -->, and with `embedded` those of <script> and <style> bodies. */
export function lexMarkup(text: string, embedded: boolean): Comment[] {
  const comments: Comment[] = [];
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      const end = close < 0 ? text.length : close + 3;
      comments.push({ kind: 'block', start: lt, end, bodyStart: lt + 4, bodyEnd: close < 0 ? end : close });
      i = end;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      i = close < 0 ? text.length : close + 3;
      continue;
    }
    EMBEDDED.lastIndex = lt;
    const open = embedded ? EMBEDDED.exec(text) : null;
    if (open) {
      const bodyStart = lt + open[0].length;
      const closer = new RegExp(`</${open[1]}`, 'gi');
      closer.lastIndex = bodyStart;
      const bodyEnd = closer.exec(text)?.index ?? text.length;
      for (const c of lexComments(text.slice(bodyStart, bodyEnd), embeddedSpec(open[1]!, open[2]!))) {
        comments.push({ kind: c.kind, start: c.start + bodyStart, end: c.end + bodyStart, bodyStart: c.bodyStart + bodyStart, bodyEnd: c.bodyEnd + bodyStart });
      }
      i = bodyEnd;
      continue;
    }
    i = lt + 1;
  }
  return comments;
}
