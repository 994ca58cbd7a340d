/** Reads a JSON list of files (relative to the corpus) on stdin; prints where sonarjs would report each function's cognitive complexity, as "file line:column value". */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeSource } from '../../src/core/complexity/analyze';
import { loadTypeScript } from '../../src/core/complexity/typescript';

const corpus = process.argv[2]!;
const files = JSON.parse(readFileSync(0, 'utf8')) as string[];
void loadTypeScript().then((ts) => {
  const entries: string[] = [];
  for (const file of files) {
    for (const r of analyzeSource(ts, file, readFileSync(path.join(corpus, file), 'utf8')).records) {
      if (r.cognitiveAt && r.cognitive > 0) entries.push(`${file} ${r.cognitiveAt.line}:${r.cognitiveAt.column} ${r.cognitive}`);
    }
  }
  process.stdout.write(JSON.stringify(entries));
});
