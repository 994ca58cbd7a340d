import { lexCode, lexComments, type Comment, type LexRun, type LexSpec, type Meter } from './lexer';
import { SPECS, type MarkupDialect } from './languages';

/** One pass over a markup document: searches remember where they found their needle, so no search passes the same text twice. */
interface MarkupPass {
  text: string;
  run: LexRun;
  /** By needle: the offset a search started from and where it found the needle (-1: nowhere after it). */
  found: Map<string, { from: number; at: number }>;
}

const newPass = (text: string, meter: Meter): MarkupPass => ({ text, run: { meter }, found: new Map() });

/** The first offset at or after `from` where `search` finds the needle named `key`, or -1; searches ask in increasing order. */
function nextAt(pass: MarkupPass, key: string, from: number, search: (from: number) => number): number {
  const known = pass.found.get(key);
  if (known && known.from <= from && (known.at < 0 || known.at >= from)) return known.at;
  const at = search(from);
  pass.run.meter.steps += (at < 0 ? pass.text.length : at) - from + 1;
  pass.found.set(key, { from, at });
  return at;
}

const nextOf = (pass: MarkupPass, needle: string, from: number): number => nextAt(pass, needle, from, (at) => pass.text.indexOf(needle, at));

const EMBEDDED_NAME = /<(script|style)\b/iy;
const CLOSERS: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };

function closerAt(pass: MarkupPass, name: string, from: number): number {
  return nextAt(pass, `</${name}`, from, (at) => {
    const closer = CLOSERS[name]!;
    closer.lastIndex = at;
    return closer.exec(pass.text)?.index ?? -1;
  });
}

function embeddedSpec(tag: string, attributes: string): LexSpec {
  if (tag === 'script') return SPECS.javascript;
  return /\blang\s*=\s*["']?(scss|less)/i.test(attributes) ? SPECS.scss : SPECS.css;
}

/** Adds the <!-- --> comment at `lt` (unclosed: it ends at `to`); returns the offset after it. */
function addHtmlComment(pass: MarkupPass, lt: number, to: number, comments: Comment[]): number {
  const close = nextOf(pass, '-->', lt + 4);
  const closed = close >= 0 && close + 3 <= to;
  const end = closed ? close + 3 : to;
  comments.push({ kind: 'block', start: lt, end, bodyStart: lt + 4, bodyEnd: closed ? close : end });
  return end;
}

/** Adds the comments of the <script> or <style> element opened at `lt`, if there is one; returns where its body ends, or -1. */
function addEmbedded(pass: MarkupPass, lt: number, to: number, comments: Comment[]): number {
  const { text } = pass;
  EMBEDDED_NAME.lastIndex = lt;
  const name = EMBEDDED_NAME.exec(text)?.[1]?.toLowerCase();
  if (!name) return -1;
  const gt = nextOf(pass, '>', lt + name.length + 1);
  if (gt < 0) return -1;
  if (gt >= to) return to;
  const bodyStart = gt + 1;
  const close = closerAt(pass, name, bodyStart);
  const bodyEnd = close < 0 ? to : Math.min(close, to);
  for (const c of lexComments(text.slice(bodyStart, bodyEnd), embeddedSpec(name, text.slice(lt + name.length + 1, gt)), pass.run.meter)) {
    comments.push({ kind: c.kind, start: c.start + bodyStart, end: c.end + bodyStart, bodyStart: c.bodyStart + bodyStart, bodyEnd: c.bodyEnd + bodyStart });
  }
  return bodyEnd;
}

/** Handles the markup that starts with the `<` at `lt`; returns the offset to go on from. */
function markupAt(pass: MarkupPass, lt: number, to: number, embedded: boolean, comments: Comment[]): number {
  const { text } = pass;
  if (text.startsWith('<!--', lt)) return addHtmlComment(pass, lt, to, comments);
  if (text.startsWith('<![CDATA[', lt)) {
    const close = nextOf(pass, ']]>', lt + 9);
    return close < 0 ? to : Math.min(close + 3, to);
  }
  const bodyEnd = embedded ? addEmbedded(pass, lt, to, comments) : -1;
  return bodyEnd >= 0 ? bodyEnd : lt + 1;
}

/** Comments of HTML or XML between `from` and `to`: <!-- -->, and with `embedded` those of <script> and <style> bodies. */
function lexHtmlRange(pass: MarkupPass, from: number, to: number, embedded: boolean, comments: Comment[]): void {
  let i = from;
  while (i < to) {
    const lt = pass.text.indexOf('<', i);
    pass.run.meter.steps += (lt < 0 ? pass.text.length : lt) - i + 1;
    if (lt < 0 || lt >= to) return;
    i = markupAt(pass, lt, to, embedded, comments);
  }
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

/**
 * The backtick runs a code span search passed before it failed at a blank line (or the end): every later opener before
 * that point has its closer, if any, among them, so it is looked up rather than searched for again.
 */
interface FailedSpan {
  until: number;
  /** By run length: the offsets of the runs, in order, and how far lookups have gone. */
  runs: Map<number, { starts: number[]; next: number }>;
}

/** An inline code span opened by `run` backticks at `at`: the end of its closing run, or -1 if none closes it before a blank line. */
function codeSpanEnd(pass: MarkupPass, at: number, run: number, failed: FailedSpan): number {
  const { text, run: { meter } } = pass;
  const runs: FailedSpan['runs'] = new Map();
  let j = at + run;
  let blankLine = false;
  for (; j < text.length; meter.steps++) {
    const c = text.charCodeAt(j);
    if (c === 96) {
      const end = runEnd(text, j, meter);
      if (end - j === run) return end;
      const sameLength = runs.get(end - j) ?? { starts: [], next: 0 };
      sameLength.starts.push(j);
      runs.set(end - j, sameLength);
      j = end;
      blankLine = false;
      continue;
    }
    if (c === 10) {
      if (blankLine) break;
      blankLine = true;
    } else if (c !== 32 && c !== 9 && c !== 13) blankLine = false;
    j++;
  }
  failed.until = j;
  failed.runs = runs;
  return -1;
}

/** The closer of the opener at `at` among the runs a failed search passed (`at` is before `failed.until`), or -1. */
function closerAfterFailure(failed: FailedSpan, at: number, run: number, meter: Meter): number {
  const sameLength = failed.runs.get(run);
  if (!sameLength) return -1;
  for (; sameLength.next < sameLength.starts.length && sameLength.starts[sameLength.next]! <= at; sameLength.next++) meter.steps++;
  const closer = sameLength.starts[sameLength.next];
  return closer === undefined ? -1 : closer + run;
}

/** Markdown code (a fence of ``` or ~~~, or an inline code span) starting at `at`: where it ends, or just past the run. */
function markdownCodeEnd(pass: MarkupPass, at: number, failed: FailedSpan): number {
  const { text, run: { meter } } = pass;
  const end = runEnd(text, at, meter);
  const run = end - at;
  const fence = run >= 3 && onlyBlanksBefore(text, at, meter) && !(text[at] === '`' && text.slice(end, lineEndOf(text, end, meter)).includes('`'));
  if (fence) return fenceEnd(text, at, run, meter);
  if (text[at] !== '`') return end;
  const span = at < failed.until ? closerAfterFailure(failed, at, run, meter) : codeSpanEnd(pass, at, run, failed);
  return span < 0 ? end : span;
}

/** Markdown: <!-- --> comments outside code spans and fenced code blocks. */
function lexMarkdown(pass: MarkupPass): Comment[] {
  const { text, run: { meter } } = pass;
  const comments: Comment[] = [];
  const failed: FailedSpan = { until: -1, runs: new Map() };
  let i = 0;
  while (i < text.length) {
    meter.steps++;
    const c = text.charCodeAt(i);
    if (c === 60 && text.startsWith('<!--', i)) i = addHtmlComment(pass, i, text.length, comments);
    else if (c === 96 || c === 126) i = markdownCodeEnd(pass, i, failed);
    else i++;
  }
  return comments;
}

/** Comments of an HTML-like document: <!-- -->, HTML's embedded <script> and <style>, Markdown outside code. */
export function lexMarkup(text: string, dialect: MarkupDialect, meter: Meter = { steps: 0 }): Comment[] {
  const pass = newPass(text, meter);
  if (dialect === 'markdown') return lexMarkdown(pass);
  const comments: Comment[] = [];
  lexHtmlRange(pass, 0, text.length, dialect === 'html', comments);
  return comments;
}

/** Where the code of the PHP open tag at `at` starts: after `<?php`, `<?=` or `<?`. */
function phpCodeStart(text: string, at: number): number {
  if (text.slice(at + 2, at + 5).toLowerCase() === 'php') return at + 5;
  return text[at + 2] === '=' ? at + 3 : at + 2;
}

/** PHP: HTML around <?php … ?> islands of code, whose line comments end at `?>`. */
export function lexPhp(text: string, meter: Meter = { steps: 0 }): Comment[] {
  const pass = newPass(text, meter);
  const comments: Comment[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('<?', i);
    meter.steps += (open < 0 ? text.length : open) - i + 1;
    lexHtmlRange(pass, i, open < 0 ? text.length : open, true, comments);
    if (open < 0) break;
    i = lexCode(text, SPECS.php, phpCodeStart(text, open), comments, pass.run) + 2;
  }
  return comments;
}
