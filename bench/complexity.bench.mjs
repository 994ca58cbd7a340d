/**
 * Complexity benchmark (issue 3): our complexity pass (`debt-portfolio metrics`) against ESLint running only
 * `complexity` and sonarjs `cognitive-complexity` on the same TS/JS files, same run, alternating; then checks
 * that both report the same numbers at the same places. Prints a Markdown section.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './lib/corpus.mjs';
import { ensureDebianTools, fmt, measure, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(repo, 'bench', 'corpus');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const version = (name) => JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;

if (!ensureDebianTools({ '/usr/bin/time': 'time' })) process.exit(0);
const built = buildCorpus(repo, corpus);

const config = path.join(repo, 'bench', 'out', 'eslint.complexity.config.mjs');
mkdirSync(path.dirname(config), { recursive: true });
writeFileSync(
  config,
  `import * as parser from '@typescript-eslint/parser';
import sonarjs from 'eslint-plugin-sonarjs';
export default [{ files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], plugins: { sonarjs }, languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } }, rules: { complexity: ['error', 0], 'sonarjs/cognitive-complexity': ['error', 0] } }];
`,
);

const tools = {
  'debt-portfolio metrics': () => measure(process.execPath, [path.join(repo, 'dist/cli.js'), 'metrics', corpus, '--no-git', '--format', 'json']),
  'ESLint (two rules)': () => measure(process.execPath, [path.join(repo, 'node_modules/eslint/bin/eslint.js'), '-c', config, '--no-inline-config', '--no-warn-ignored', '--format', 'json', '.'], { cwd: corpus }),
  'debt-portfolio scan': () => measure(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', corpus, '--no-git', '--format', 'json']),
  'debt-portfolio scan --no-complexity': () => measure(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', corpus, '--no-git', '--format', 'json', '--no-complexity']),
};

const runs = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
const outputs = {};
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(tools)) {
    console.error(`bench: complexity round ${round + 1}/${ROUNDS}: ${name}`);
    const result = run();
    if (result.status !== 0 && !(name.startsWith('ESLint') && result.status === 1)) throw new Error(`${name} failed: ${result.stderr.slice(-500)}`);
    runs[name].push(result);
    outputs[name] = result.stdout;
  }
}

/** "file line:column value" for each report of each rule, on files ESLint could parse. */
const metrics = JSON.parse(outputs['debt-portfolio metrics']);
const lints = JSON.parse(outputs['ESLint (two rules)']);
const unparsed = new Set(lints.filter((l) => l.messages.some((m) => m.fatal)).map((l) => path.relative(corpus, l.filePath)));
const theirs = { cyclomatic: new Set(), cognitive: new Set() };
for (const lint of lints) {
  const file = path.relative(corpus, lint.filePath);
  if (unparsed.has(file)) continue;
  for (const m of lint.messages) {
    if (m.ruleId === 'complexity') theirs.cyclomatic.add(`${file} ${m.line}:${m.column} ${/complexity of (\d+)/.exec(m.message)[1]}`);
    if (m.ruleId === 'sonarjs/cognitive-complexity') theirs.cognitive.add(`${file} ${m.line}:${m.column} ${/Complexity from (\d+)/.exec(m.message)[1]}`);
  }
}
const ours = { cyclomatic: new Set(), cognitive: new Set() };
const analysisSource = path.join(repo, 'bench/lib/cognitivePositions.ts');
const positions = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', analysisSource, corpus], { input: JSON.stringify([...new Set(metrics.functions.map((f) => f.file))].filter((f) => !unparsed.has(f))), cwd: repo, maxBuffer: 1 << 28 }).toString());
for (const f of metrics.functions) if (!unparsed.has(f.file)) ours.cyclomatic.add(`${f.file} ${f.line}:${f.column} ${f.cyclomatic}`);
for (const entry of positions) ours.cognitive.add(entry);
const agree = (kind) => [...theirs[kind]].filter((entry) => ours[kind].has(entry)).length;
const onlyIn = (a, b) => [...a].filter((entry) => !b.has(entry));

const zod = path.join(repo, 'node_modules/zod/src/v4');
const wrappers = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/lib/tsMorphWrappers.ts'), zod], { cwd: repo }).toString());

const wall = (name) => median(runs[name].map((r) => r.wall));
const rss = (name) => median(runs[name].map((r) => r.rssMiB));
const functions = metrics.functions.length;
const eslintFunctions = theirs.cyclomatic.size;
const perSecond = (count, name) => count / wall(name);
const scan = JSON.parse(outputs['debt-portfolio scan']);
const files = metrics.files.length;

const lines = [
  '## Complexity (issue 3)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ESLint ${version('eslint')} with @typescript-eslint/parser ${version('@typescript-eslint/parser')} and eslint-plugin-sonarjs ${version('eslint-plugin-sonarjs')}.`,
  '',
  `Corpus: the TS/JS files of the scan benchmark's corpus (${files} of its ${built.files} files; packages pinned by package-lock.json: ${built.packages.map((p) => `${p.name}@${p.version}`).join(', ')}).`,
  `Method: each command runs ${ROUNDS} times, alternating; wall time and peak RSS from GNU time; medians shown. Ours: \`node dist/cli.js metrics corpus --no-git --format json\` (every function's cyclomatic and cognitive complexity, nesting and lines, TypeScript loaded included); ESLint: its CLI with a flat config holding only \`complexity: ["error", 0]\` and \`sonarjs/cognitive-complexity: ["error", 0]\`, \`--no-inline-config\`, JSON output.`,
  '',
  '| command | wall (s, median) | peak RSS (MiB) | functions | functions/s |',
  '|---|---|---|---|---|',
  `| debt-portfolio metrics | ${fmt(wall('debt-portfolio metrics'))} | ${fmt(rss('debt-portfolio metrics'), 0)} | ${functions} | ${fmt(perSecond(functions, 'debt-portfolio metrics'), 0)} |`,
  `| ESLint, two rules | ${fmt(wall('ESLint (two rules)'))} | ${fmt(rss('ESLint (two rules)'), 0)} | ${eslintFunctions} | ${fmt(perSecond(eslintFunctions, 'ESLint (two rules)'), 0)} |`,
  '',
  `Ours is **${fmt(wall('ESLint (two rules)') / wall('debt-portfolio metrics'), 1)}× faster** than ESLint (target ≥ 5×).`,
  '',
  `Same numbers: of ESLint's ${theirs.cyclomatic.size} \`complexity\` reports, ${agree('cyclomatic')} are ours exactly (file, line, column, value); of sonarjs's ${theirs.cognitive.size} \`cognitive-complexity\` reports, ${agree('cognitive')} are ours exactly. Reports of ours not in theirs: ${onlyIn(ours.cyclomatic, theirs.cyclomatic).length} cyclomatic, ${onlyIn(ours.cognitive, theirs.cognitive).length} cognitive. Files ESLint could not parse (left out of the comparison): ${unparsed.size}${unparsed.size ? ` (${[...unparsed].slice(0, 5).join(', ')}${unparsed.size > 5 ? ', …' : ''})` : ''}.`,
  ...[...onlyIn(theirs.cyclomatic, ours.cyclomatic).slice(0, 5), ...onlyIn(theirs.cognitive, ours.cognitive).slice(0, 5)].map((entry) => `- differs: \`${entry}\``),
  '',
  `Compiler nodes or ts-morph's wrappers, in process, on zod ${version('zod')}'s ${wrappers.files} .ts files (median of 3 warm rounds): our whole analysis (parse, both metrics, nesting, lines, comments) of ${wrappers.records} records takes ${fmt(wrappers.oursMs, 0)} ms; a ts-morph \`Project\` that only parses the same files and finds their ${wrappers.functions} functions with \`forEachDescendant\` and \`Node.isFunctionLikeDeclaration\` takes ${fmt(wrappers.wrappersMs, 0)} ms (${fmt(wrappers.wrappersMs / wrappers.oursMs, 1)}×). So we load ts-morph's compiler and walk its nodes directly.`,
  '',
  `The whole scan (annotations and complexity, the scan benchmark's command) on the full corpus: ${fmt(wall('debt-portfolio scan'))} s, ${fmt(rss('debt-portfolio scan'), 0)} MiB peak RSS, ${scan.items.filter((i) => i.kind === 'hotspot').length} hotspots and ${scan.items.filter((i) => i.kind === 'annotation').length} annotations (their comments from the parse); with \`--no-complexity\` (TS/JS lexed, not parsed): ${fmt(wall('debt-portfolio scan --no-complexity'))} s, ${fmt(rss('debt-portfolio scan --no-complexity'), 0)} MiB, ${JSON.parse(outputs['debt-portfolio scan --no-complexity']).items.length} annotations.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
