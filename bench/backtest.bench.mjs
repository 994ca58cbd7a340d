/**
 * Back-test benchmark (issue 13): our ranking against the baselines on real histories (zod and typescript-eslint,
 * when their bare repositories are found: DEBT_HISTORIES, default ../shared/history), and the back-test's run time
 * against one scan on a generated two-year, 10,000-commit repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianTools, fmt, measure, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(repo, 'bench', 'out');
const cli = path.join(repo, 'dist', 'cli.js');
const histories = process.env.DEBT_HISTORIES ?? path.join(repo, '..', 'shared', 'history');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NAMES = { model: 'our ranking', churn: 'churn', size: 'size', churnSize: 'churn × size', random: 'random' };

/** 10,000 commits over two years on 1,000 TS files with a function each; one commit in eight a fix, a few files hot. */
function generateTwoYears(dir) {
  if (existsSync(path.join(dir, '.git'))) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const start = Math.floor(Date.parse('2024-06-01T00:00:00Z') / 1000);
  const lines = [];
  for (let i = 0; i < 10_000; i++) {
    const hot = i % 3 === 0;
    const file = `src/m${i % 25}/f${hot ? i % 40 : (i * 7919) % 1000}.ts`;
    const message = `${i % 8 === 0 ? 'fix: ' : ''}change ${i}\n`;
    const content = `export function f${i}(a: number): number {\n  if (a > ${i % 50}) { for (const x of [a]) { if (x) return x; } }\n  return ${i};\n}\n`;
    lines.push('commit refs/heads/main', `committer Dev${i % 9} <d${i % 9}@x> ${start + i * 6300} +0000`, `data ${Buffer.byteLength(message)}`, message, `M 644 inline ${file}`, `data ${Buffer.byteLength(content)}`, content, '');
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: lines.join('\n') });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
}

/** A bare repository from its tar, cloned into a work tree outside this one (once): its files are not ours to type-check. */
function cloneHistory(name) {
  const tar = path.join(histories, `${name}.git.tar`);
  const target = path.join(tmpdir(), 'debt-bench-histories', name);
  if (existsSync(path.join(target, '.git'))) return target;
  if (!existsSync(tar)) return undefined;
  mkdirSync(path.dirname(target), { recursive: true });
  execFileSync('tar', ['-xf', tar, '-C', path.dirname(target)]);
  execFileSync('git', ['clone', '-q', path.join(path.dirname(target), `${name}.git`), target]);
  return target;
}

const run = (args, cwd) => {
  const result = measure(process.execPath, [cli, ...args], { cwd });
  if (result.status !== 0) throw new Error(`${args.join(' ')}: ${result.stderr}`);
  return result;
};

function timeAgainstScan(name, dir) {
  const scans = [];
  const backtests = [];
  for (let round = 0; round < ROUNDS; round++) {
    scans.push(run(['scan', dir, '--format', 'json'], dir).wall);
    backtests.push(run(['backtest', dir, '--format', 'json'], dir).wall);
  }
  return `| ${name} | ${fmt(median(scans), 1)} | ${fmt(median(backtests), 1)} | **${fmt(median(backtests) / median(scans))}×** |`;
}

const pct = (value) => (value === null ? 'no fix commits to predict' : `${fmt(value * 100, 1)}%`);

function captureTable(name, result) {
  const rows = result.origins.flatMap((o) => Object.entries(NAMES).map(([key, label]) => `| ${name} | ${o.date} | ${o.fixCommits} | ${o.fixTouches} | ${label} | ${pct(o.captures[key].top10)} | ${pct(o.captures[key].effortAware)} |`));
  const means = Object.entries(NAMES).map(([key, label]) => `| ${name} | **mean** | | | ${label} | **${pct(result.means[key].top10)}** | **${pct(result.means[key].effortAware)}** |`);
  return [...rows, ...means];
}

ensureDebianTools({ '/usr/bin/time': 'time' });
const generated = path.join(out, 'backtest-10k');
generateTwoYears(generated);
const real = ['zod', 'typescript-eslint'].map((name) => [name, cloneHistory(name)]).filter(([, dir]) => dir);
const captures = real.flatMap(([name, dir]) => captureTable(name, JSON.parse(run(['backtest', dir, '--format', 'json'], dir).stdout)));
const timings = [timeAgainstScan('generated, 10,000 commits over two years, 1,000 files', generated), ...real.map(([name, dir]) => timeAgainstScan(name, dir))];

const lines = [
  '## Back-test (issue 13)',
  '',
  'Method: `debt-portfolio backtest` with the default config: 4 origins a quarter apart, the newest two quarters before HEAD; at each, every source file is ranked from the tree at the last commit before the origin and the history before it only (the same health records `scan` computes), and scored by where the fix commits (`fixPattern`, commits of 200 files or more left out) of the next 90 days landed. **top 10%**: share of fix touches in the top 10% of files by interest. **effort-aware**: share of fix touches in the files taken by interest per principal hour (baselines: by their own figure) until 20% of all lines. Files of equal score count in proportion (no tie-break favours anyone); random has a fixed seed.',
  '',
  '| repository | origin | fix commits | fix touches | ranking | top 10% | effort-aware 20% |',
  '|---|---|---|---|---|---|---|',
  ...captures,
  '',
  `Run time (wall seconds, the CLI as a user runs it, ${ROUNDS} rounds alternating, medians): the back-test reads the tree of each origin (unchanged files parsed once, by content hash) and one history per origin.`,
  '',
  '| repository | one scan (s) | back-test, 4 origins (s) | back-test ÷ scan |',
  '|---|---|---|---|',
  ...timings,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
