/** Portfolio benchmark (issue 5): planning 10,000 items; loading and saving a store of 10,000 decisions. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmt, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const runs = Array.from({ length: ROUNDS }, () => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/lib/portfolioRun.ts')], { cwd: repo, encoding: 'utf8' })));
const m = (key) => median(runs.map((r) => r[key]));

const lines = [
  '## Portfolio: planner and store (issue 5)',
  '',
  `Method: each figure is the median of ${ROUNDS} fresh processes, timed inside the process (start-up not counted). Items have principal 1–40 h and interest 0–10 h/sprint from a fixed-seed generator; the budget is 240 h × 20% = 48 h; the roadmap covers 4 sprints.`,
  '',
  '| what | time (ms) |',
  '|---|---|',
  `| plan 10,000 items, 4-sprint roadmap (${runs[0].greedyMethod}: over 500 candidates) | ${fmt(m('greedyMs'), 1)} |`,
  `| plan 500 items, 4-sprint roadmap (${runs[0].exactMethod} knapsack) | ${fmt(m('exactMs'), 1)} |`,
  `| save a new store of 10,000 decisions (lock, re-read, write, fsync, rename) | ${fmt(m('firstSave'), 1)} |`,
  `| load and validate it (zod) | ${fmt(m('load'), 1)} |`,
  `| change one decision (lock, re-read, validate, write, fsync, rename) | ${fmt(m('oneChange'), 1)} |`,
  '',
  `The store file is ${fmt(runs[0].bytes / 1048576, 2)} MiB; peak RSS of the whole process ${fmt(m('rssMiB'), 0)} MiB.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
