/**
 * Scan benchmark (issue 2): `debt-portfolio scan` against ripgrep (the same tag regex) and leasot on
 * one corpus, same run, alternating, median of ROUNDS. Prints a Markdown section.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus } from './lib/corpus.mjs';
import { ensureDebianTools, fmt, measure, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(repo, 'bench', 'corpus');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TAGS = ['DEBT', 'TODO', 'FIXME', 'HACK', 'XXX', 'BUG', 'OPTIMIZE', 'REFACTOR'];

if (!ensureDebianTools()) process.exit(0);
const built = buildCorpus(repo, corpus);

const tools = {
  'debt-portfolio scan': () => measure(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', corpus, '--no-git', '--format', 'json', '--no-complexity']),
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

const wall = (name) => median(runs[name].map((r) => r.wall));
const rss = (name) => median(runs[name].map((r) => r.rssMiB));
const ratio = (a, b) => wall(a) / wall(b);

const lines = [
  '## Scan (issue 2)',
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
  `rg's ${rgMatches.length} matches, sorted by our lexer: ${classified.counts.annotation} are annotations we report, ${classified.counts.commentProse} are tags mentioned inside a comment's prose (not at the start of a comment line), **${classified.counts.notComment} are not in a comment at all** (strings, identifiers, code)${classified.counts.unknownLanguage ? `, ${classified.counts.unknownLanguage} in files of no known language` : ''}. Samples of the last kind:`,
  '',
  ...classified.samples.map((s) => `- \`${s.replace(/`/g, "'")}\``),
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
