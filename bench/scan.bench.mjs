/**
 * Scan benchmark (issues 2 and 11): `debt-portfolio scan` against ripgrep (the same tag regex) and leasot on
 * one corpus, same run, alternating, median of ROUNDS; a warm re-scan with the disk cache against a cold one;
 * peak RSS of a 20,000-file scan. Prints a Markdown section.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildCorpus } from './lib/corpus.mjs';
import { ensureDebianTools, fmt, measure, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(repo, 'bench', 'corpus');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TAGS = ['DEBT', 'TODO', 'FIXME', 'HACK', 'XXX', 'BUG', 'OPTIMIZE', 'REFACTOR'];

if (!ensureDebianTools()) process.exit(0);
const built = buildCorpus(repo, corpus);
const LARGE_FILES = 20_000;
const largeCorpus = mkdtempSync(path.join(os.tmpdir(), 'debt-bench-20k-'));
const largeBuilt = buildCorpus(repo, largeCorpus, { files: LARGE_FILES });
const cli = path.join(repo, 'dist/cli.js');

const tools = {
  'debt-portfolio scan': () => measure(process.execPath, [cli, 'scan', corpus, '--no-git', '--format', 'json', '--no-complexity']),
  'rg (same tags, -w)': () => measure('rg', ['-n', '--column', '--no-heading', '--no-ignore', '--hidden', '-w', '-e', TAGS.join('|'), '.'], { cwd: corpus }),
  leasot: () =>
    measure(path.join(repo, 'node_modules/.bin/leasot'), ['**/*.{js,mjs,cjs,ts,mts,cts,md}', '-r', 'json', '-T', TAGS.filter((t) => t !== 'TODO' && t !== 'FIXME').join(','), '-x', '-S'], { cwd: corpus }),
};

const runs = Object.fromEntries(Object.keys(tools).map((name) => [name, []]));
const outputs = {};
for (const run of Object.values(tools)) run(); // warm the page cache
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, run] of Object.entries(tools)) {
    const result = run();
    if (result.status !== 0 && !(name.startsWith('rg') && result.status === 1)) throw new Error(`${name} failed: ${result.stderr.slice(-500)}`);
    runs[name].push(result);
    outputs[name] = result.stdout;
  }
}

const ours = JSON.parse(outputs['debt-portfolio scan']);
const rgMatches = outputs['rg (same tags, -w)'].split('\n').filter(Boolean);
const leasotItems = JSON.parse(outputs.leasot || '[]');
const classified = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/lib/classifyMatches.ts'), corpus], { input: outputs['rg (same tags, -w)'], cwd: repo, maxBuffer: 1 << 28 }).toString(),
);

/**
 * Cold and warm scans with the disk cache: the CLI's own when it has `--no-cache`, else a bundle of
 * bench/lib/cachedScan.ts (load, core scan with `cache:`, save), each cold run with a fresh cache folder.
 */
const cliHasCache = spawnSync(process.execPath, [cli, 'scan', '--help'], { encoding: 'utf8' }).stdout.includes('--no-cache');
const cachedScanBundle = path.join(repo, 'bench', 'out', 'cachedScan.js');
if (!cliHasCache) {
  const typescriptBundle = { name: 'typescript-bundle', setup: (build) => build.onResolve({ filter: /^ts-morph$/ }, () => ({ path: path.join(repo, 'dist/typescript.js'), external: true })) };
  await esbuild.build({ entryPoints: [path.join(repo, 'bench/lib/cachedScan.ts')], outfile: cachedScanBundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', plugins: [typescriptBundle], logLevel: 'warning' });
}
const cacheDirs = [];
const freshCacheDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'debt-bench-cache-'));
  cacheDirs.push(dir);
  return dir;
};
function scanWithCache(cacheDir, complexity) {
  const flags = complexity ? [] : ['--no-complexity'];
  const env = { ...process.env, DEBT_PORTFOLIO_CACHE_DIR: cacheDir };
  const args = cliHasCache ? [cli, 'scan', corpus, '--no-git', '--format', 'json', ...flags] : [cachedScanBundle, corpus, ...flags];
  const result = measure(process.execPath, args, { env });
  if (result.status !== 0) throw new Error(`cached scan failed: ${result.stderr.slice(-500)}`);
  return result;
}
const cacheModes = { 'annotations only (--no-complexity)': false, 'with complexity (default)': true };
const cacheRuns = {};
for (const [mode, complexity] of Object.entries(cacheModes)) {
  const warmDir = freshCacheDir();
  scanWithCache(warmDir, complexity); // fills the cache
  cacheRuns[mode] = { cold: [], warm: [] };
  for (let round = 0; round < ROUNDS; round++) {
    cacheRuns[mode].cold.push(scanWithCache(freshCacheDir(), complexity));
    cacheRuns[mode].warm.push(scanWithCache(warmDir, complexity));
  }
}
for (const dir of cacheDirs) rmSync(dir, { recursive: true, force: true });
const cacheWall = (mode, kind) => median(cacheRuns[mode][kind].map((r) => r.wall));
const cacheHits = (mode) => (cliHasCache ? 'n/a' : JSON.parse(cacheRuns[mode].warm.at(-1).stdout).hits);

/** Peak RSS of one scan of the large corpus, annotations only and with complexity. */
const largeRuns = Object.fromEntries(
  Object.entries(cacheModes).map(([mode, complexity]) => {
    const result = measure(process.execPath, [cli, 'scan', largeCorpus, '--no-git', '--format', 'json', ...(complexity ? [] : ['--no-complexity']), ...(cliHasCache ? ['--no-cache'] : [])]);
    if (result.status !== 0) throw new Error(`large scan failed: ${result.stderr.slice(-500)}`);
    return [mode, { ...result, stdout: '', items: JSON.parse(result.stdout).items.length }];
  }),
);
rmSync(largeCorpus, { recursive: true, force: true });

const wall = (name) => median(runs[name].map((r) => r.wall));
const rss = (name) => median(runs[name].map((r) => r.rssMiB));
const ratio = (a, b) => wall(a) / wall(b);

const lines = [
  '## Scan (issues 2 and 11)',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${execFileSync('rg', ['--version']).toString().split('\n')[0]}, leasot ${JSON.parse(readFileSync(path.join(repo, 'node_modules/leasot/package.json'), 'utf8')).version}.`,
  '',
  `Corpus: ${built.files} files, ${fmt(built.bytes / 1048576, 1)} MiB of .js/.mjs/.cjs/.ts/.mts/.cts/.md (each under 1 MiB, not minified) copied from these packages in node_modules, pinned by package-lock.json: ${built.packages.map((p) => `${p.name}@${p.version} (${p.files})`).join(', ')}.`,
  `Method: each tool runs ${ROUNDS} times, alternating, after one warm-up run each; wall time and peak RSS from GNU time; medians shown. Ours: \`node dist/cli.js scan corpus --no-git --format json --no-complexity\` (annotations only, like the other two; the scan with complexity is in the next section); rg: \`rg -n --column -w -e '${TAGS.join('|')}'\` (case-sensitive whole words, like our tags); leasot: its CLI with the same tags, JSON reporter.`,
  '',
  '| tool | wall (s, median) | peak RSS (MiB) | items | ratio to ours |',
  '|---|---|---|---|---|',
  `| debt-portfolio scan | ${fmt(wall('debt-portfolio scan'))} | ${fmt(rss('debt-portfolio scan'), 0)} | ${ours.items.length} annotations | 1.00 |`,
  `| rg | ${fmt(wall('rg (same tags, -w)'))} | ${fmt(rss('rg (same tags, -w)'), 0)} | ${rgMatches.length} matching lines | ${fmt(ratio('rg (same tags, -w)', 'debt-portfolio scan'))} |`,
  `| leasot | ${fmt(wall('leasot'))} | ${fmt(rss('leasot'), 0)} | ${leasotItems.length} todos | ${fmt(ratio('leasot', 'debt-portfolio scan'))} |`,
  '',
  `Ours ÷ rg: **${fmt(ratio('debt-portfolio scan', 'rg (same tags, -w)'))}×** (target ≤ 1.5×); ours ÷ leasot: **${fmt(ratio('debt-portfolio scan', 'leasot'))}×** (target < 1).`,
  '',
  `### Warm re-scan with the disk cache (issue 11)`,
  '',
  cliHasCache
    ? `The CLI itself, \`scan corpus --no-git --format json\`: cold with a fresh, empty DEBT_PORTFOLIO_CACHE_DIR each round, warm with the cache a first run left; ${ROUNDS} rounds alternating, medians.`
    : `The CLI has no cache flag yet, so both columns run bench/lib/cachedScan.ts bundled like the CLI (load the disk cache, the core scan with \`cache:\`, save; no scoring or output formatting): cold with a fresh, empty DEBT_PORTFOLIO_CACHE_DIR each round, warm with the cache a first run left; ${ROUNDS} rounds alternating, medians.`,
  '',
  '| scan | cold (s) | warm (s) | warm ÷ cold (target ≤ 10%) | cache hits when warm |',
  '|---|---|---|---|---|',
  ...Object.keys(cacheModes).map((mode) => `| ${mode} | ${fmt(cacheWall(mode, 'cold'))} | ${fmt(cacheWall(mode, 'warm'))} | ${fmt((100 * cacheWall(mode, 'warm')) / cacheWall(mode, 'cold'), 0)}% | ${cacheHits(mode)} |`),
  '',
  `### Peak RSS of a ${largeBuilt.files.toLocaleString('en')}-file scan (issue 11)`,
  '',
  `The packages above copied again into copy-2/, copy-3/, … until there are ${largeBuilt.files.toLocaleString('en')} files (${fmt(largeBuilt.bytes / 1048576, 1)} MiB); \`node dist/cli.js scan <it> --no-git --format json\`, one run each, no cache; peak RSS from GNU time.`,
  '',
  '| scan | wall (s) | peak RSS (MiB, target < 400) | items |',
  '|---|---|---|---|',
  ...Object.entries(largeRuns).map(([mode, r]) => `| ${mode} | ${fmt(r.wall)} | ${fmt(r.rssMiB, 0)} | ${r.items} |`),
  '',
  `rg's ${rgMatches.length} matches, sorted by our lexer: ${classified.counts.annotation} are annotations we report, ${classified.counts.commentProse} are tags mentioned inside a comment's prose (not at the start of a comment line), **${classified.counts.notComment} are not in a comment at all** (strings, identifiers, code)${classified.counts.unknownLanguage ? `, ${classified.counts.unknownLanguage} in files of no known language` : ''}. Samples of the last kind:`,
  '',
  ...classified.samples.map((s) => `- \`${s.replace(/`/g, "'")}\``),
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
