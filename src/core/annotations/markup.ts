import { lexCode, lexComments, type Comment, type LexSpec, type Meter } from './lexer';
import { SPECS, type MarkupDialect } from './languages';

const EMBEDDED = /<(script|style)\b([^>]*)>/giy;

function embeddedSpec(tag: string, attributes: string): LexSpec {
  if (tag.toLowerCase() === 'script') return SPECS.javascript;
  return /\blang\s*=\s*["']?(scss|less)/i.test(attributes) ? SPECS.scss : SPECS.css;
}

/** Adds the <!-- --> comment at `lt` (unclosed: it ends at `to`); returns the offset after it. */
function addHtmlComment(text: string, lt: number, to: number, comments: Comment[], meter: Meter): number {
  const close = text.indexOf('-->', lt + 4);
  meter.steps += (close < 0 ? text.length : close) - lt;
  const closed = close >= 0 && close + 3 <= to;
  const end = closed ? close + 3 : to;
  comments.push({ kind: 'block', start: lt, end, bodyStart: lt + 4, bodyEnd: closed ? close : end });
  return end;
}

/** Adds the comments of the <script> or <style> element opened at `lt`, if there is one; returns where its body ends, or -1. */
function addEmbedded(text: string, lt: number, to: number, comments: Comment[], meter: Meter): number {
  EMBEDDED.lastIndex = lt;
  const open = EMBEDDED.exec(text);
  meter.steps += /^<(script|style)\b/i.test(text.slice(lt, lt + 8)) ? spanTo(text, '>', lt) : 1;
  if (!open) return -1;
  const bodyStart = lt + open[0].length;
  const closer = new RegExp(`</${open[1]}`, 'gi');
  closer.lastIndex = bodyStart;
  const closeAt = closer.exec(text)?.index;
  meter.steps += (closeAt ?? text.length) - bodyStart;
  const bodyEnd = Math.min(closeAt ?? to, to);
  for (const c of lexComments(text.slice(bodyStart, bodyEnd), embeddedSpec(open[1]!, open[2]!), meter)) {
    comments.push({ kind: c.kind, start: c.start + bodyStart, end: c.end + bodyStart, bodyStart: c.bodyStart + bodyStart, bodyEnd: c.bodyEnd + bodyStart });
  }
  return bodyEnd;
}

/** Handles the markup that starts with the `<` at `lt`; returns the offset to go on from. */
function markupAt(text: string, lt: number, to: number, embedded: boolean, comments: Comment[], meter: Meter): number {
  if (text.startsWith('<!--', lt)) return addHtmlComment(text, lt, to, comments, meter);
  if (text.startsWith('<![CDATA[', lt)) {
    const close = text.indexOf(']]>', lt + 9);
    meter.steps += (close < 0 ? text.length : close) - lt;
    return close < 0 ? to : Math.min(close + 3, to);
  }
  const bodyEnd = embedded ? addEmbedded(text, lt, to, comments, meter) : -1;
  return bodyEnd >= 0 ? bodyEnd : lt + 1;
}

/** Comments of HTML or XML between `from` and `to`: <!-- -->, and with `embedded` those of <script> and <style> bodies. */
function lexHtmlRange(text: string, from: number, to: number, embedded: boolean, comments: Comment[], meter: Meter): void {
  let i = from;
  while (i < to) {
    const lt = text.indexOf('<', i);
    meter.steps += (lt < 0 ? text.length : lt) - i + 1;
    if (lt < 0 || lt >= to) return;
    i = markupAt(text, lt, to, embedded, comments, meter);
  }
}

/** How many characters a search for `needle` from `from` passes. */
function spanTo(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return (at < 0 ? text.length : at) - from + 1;
}

/** The end of the run of the character at `at`. */
function runEnd(text: string, at: number, meter: Meter): number {
  const c = text.charCodeAt(at);
  let j = at;
  while (text.charCodeAt(j) === c) j++;
  meter.steps += j - at + 1;
  return j;
}

const onlyBlanksBefore = (text: string, at: number, meter: Meter): boolean => {
  let j = at - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  meter.steps += at - j;
  return j < 0 || text[j] === '\n' || text[j] === '\r';
};

function lineEndOf(text: string, at: number, meter: Meter): number {
  let j = at;
  while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
  meter.steps += j - at + 1;
  return j;
}

/** A fenced code block opened by the run at `at`: the end of its closing fence line, or of the text. */
function fenceEnd(text: string, at: number, run: number, meter: Meter): number {
  const fence = text[at]!;
  let j = lineEndOf(text, at, meter);
  while (j < text.length) {
    j += text.startsWith('\r\n', j) ? 2 : 1;
    let k = j;
    while (text[k] === ' ' || text[k] === '\t') k++;
    const end = lineEndOf(text, k, meter);
    if (runEnd(text, k, meter) - k >= run && text[k] === fence && text.slice(runEnd(text, k, meter), end).trim() === '') return end;
    j = end;
  }
  return text.length;
}

/** An inline code span opened by `run` backticks at `at`: the end of its closing run, or -1 if none closes it before a blank line. */
function codeSpanEnd(text: string, at: number, run: number, meter: Meter): number {
  let j = at + run;
  let blankLine = false;
  for (; j < text.length; meter.steps++) {
    const c = text.charCodeAt(j);
    if (c === 96) {
      const end = runEnd(text, j, meter);
      if (end - j === run) return end;
      j = end;
      blankLine = false;
      continue;
    }
    if (c === 10) {
      if (blankLine) return -1;
      blankLine = true;
    } else if (c !== 32 && c !== 9 && c !== 13) blankLine = false;
    j++;
  }
  return -1;
}

/** Markdown code (a fence of ``` or ~~~, or an inline code span) starting at `at`: where it ends, or just past the run. */
function markdownCodeEnd(text: string, at: number, meter: Meter): number {
  const end = runEnd(text, at, meter);
  const run = end - at;
  const infoHasBacktick = text[at] === '`' && text.slice(end, lineEndOf(text, end, meter)).includes('`');
  if (run >= 3 && onlyBlanksBefore(text, at, meter) && !infoHasBacktick) return fenceEnd(text, at, run, meter);
  if (text[at] !== '`') return end;
  const span = codeSpanEnd(text, at, run, meter);
  return span < 0 ? end : span;
}

/** Markdown: <!-- --> comments outside code spans and fenced code blocks. */
function lexMarkdown(text: string, meter: Meter): Comment[] {
  const comments: Comment[] = [];
  let i = 0;
  while (i < text.length) {
    meter.steps++;
    const c = text.charCodeAt(i);
    if (c === 60 && text.startsWith('<!--', i)) i = addHtmlComment(text, i, text.length, comments, meter);
    else if (c === 96 || c === 126) i = markdownCodeEnd(text, i, meter);
    else i++;
  }
  return comments;
}

/** Comments of an HTML-like document: <!-- -->, HTML's embedded <script> and <style>, Markdown outside code. */
export function lexMarkup(text: string, dialect: MarkupDialect, meter: Meter = { steps: 0 }): Comment[] {
  if (dialect === 'markdown') return lexMarkdown(text, meter);
  const comments: Comment[] = [];
  lexHtmlRange(text, 0, text.length, dialect === 'html', comments, meter);
  return comments;
}

/** Where the code of the PHP open tag at `at` starts: after `<?php`, `<?=` or `<?`. */
function phpCodeStart(text: string, at: number): number {
  if (text.slice(at + 2, at + 5).toLowerCase() === 'php') return at + 5;
  return text[at + 2] === '=' ? at + 3 : at + 2;
}

/** PHP: HTML around <?php … ?> islands of code, whose line comments end at `?>`. */
export function lexPhp(text: string, meter: Meter = { steps: 0 }): Comment[] {
  const comments: Comment[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<?', i);
    meter.steps += (open < 0 ? text.length : open) - i + 1;
    lexHtmlRange(text, i, open < 0 ? text.length : open, true, comments, meter);
    if (open < 0) break;
    i = lexCode(text, SPECS.php, phpCodeStart(text, open), comments, meter) + 2;
  }
  return comments;
}
