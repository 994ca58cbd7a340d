/**
 * Reads ripgrep matches (`file:line:column:text` lines) on stdin and sorts each into: an annotation
 * our scanner reports, a tag mentioned inside a comment's prose, or outside any comment (strings,
 * identifiers, code). Prints a JSON summary with samples.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commentsOf, DEFAULT_TAGS, findAnnotations, languageOf, tagMatcher } from '../../src/core/annotations';
import { lineStarts } from '../../src/core/text/lines';

const root = process.argv[2]!;
const tags = tagMatcher(DEFAULT_TAGS);
const counts = { annotation: 0, commentProse: 0, notComment: 0, unknownLanguage: 0 };
const samples: string[] = [];
const byFile = new Map<string, Array<{ line: number; column: number; text: string }>>();
for (const row of readFileSync(0, 'utf8').split('\n').filter(Boolean)) {
  const m = /^(.*?):(\d+):(\d+):(.*)$/.exec(row);
  if (!m) continue;
  const list = byFile.get(m[1]!) ?? [];
  list.push({ line: Number(m[2]), column: Number(m[3]), text: m[4]! });
  byFile.set(m[1]!, list);
}
for (const [file, matches] of byFile) {
  const language = languageOf(file);
  if (!language) {
    counts.unknownLanguage += matches.length;
    continue;
  }
  const text = readFileSync(path.resolve(root, file), 'utf8');
  const starts = lineStarts(text);
  const comments = commentsOf(text, language);
  const annotated = new Set(findAnnotations(text, language, file, tags).map((a) => `${a.line}:${a.column}`));
  for (const match of matches) {
    const offset = starts[match.line - 1]! + Buffer.from(text.slice(starts[match.line - 1]!)).subarray(0, match.column - 1).toString('utf8').length;
    const inComment = comments.some((c) => offset >= c.bodyStart && offset < c.bodyEnd);
    if (annotated.has(`${match.line}:${offset - starts[match.line - 1]! + 1}`) || (annotated.has(`${match.line}:${offset - starts[match.line - 1]!}`) && text[offset - 1] === '@')) counts.annotation++;
    else if (inComment) counts.commentProse++;
    else {
      counts.notComment++;
      if (samples.length < 12 && samples.length < counts.notComment) samples.push(`${file}:${match.line}: ${match.text.trim().slice(0, 100)}`);
    }
  }
}
process.stdout.write(JSON.stringify({ counts, samples }));
