/** Times our analysis against ts-morph's wrappers only finding the functions, on the .ts files under a folder; prints JSON (medians of 3 warm rounds). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Node, Project } from 'ts-morph';
import { analyzeSource } from '../../src/core/complexity/analyze';
import { loadTypeScript } from '../../src/core/complexity/typescript';

const dir = process.argv[2]!;
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => path.join(dir, f));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;

void loadTypeScript().then((ts) => {
  const ours: number[] = [];
  const wrappers: number[] = [];
  let records = 0;
  let functions = 0;
  for (let round = 0; round < 4; round++) {
    const start = performance.now();
    records = files.reduce((sum, file, k) => sum + analyzeSource(ts, file, texts[k]!).records.length, 0);
    const middle = performance.now();
    const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
    functions = 0;
    for (const [k, text] of texts.entries()) {
      project.createSourceFile(`/f${k}.ts`, text).forEachDescendant((node) => {
        if (Node.isFunctionLikeDeclaration(node) && (Node.isBodied(node) || (Node.isBodyable(node) && node.hasBody()))) functions += node.getStartLineNumber() > 0 ? 1 : 0;
      });
    }
    const end = performance.now();
    if (round > 0) {
      ours.push(middle - start);
      wrappers.push(end - middle);
    }
  }
  process.stdout.write(JSON.stringify({ files: files.length, records, functions, oursMs: median(ours), wrappersMs: median(wrappers) }));
});
