/**
 * Delivery benchmark (issue 12): `debt-portfolio delivery` against git's own `git log` of the same range listing the
 * same data (`--name-status`, and `--numstat` for reference),
 * on a generated repository of 10,000 commits and 500 release tags, same run, alternating.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedRepo } from './lib/generatedRepo.mjs';
import { fmt, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const generated = path.join(repo, 'bench', 'out', 'delivery-10k');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const COMMITS = 10_000;
const TAGS = 500;

/** 10,000 commits over two years (every fifth a fix, some reverts), a release tag every 20 commits (some patches). */
function streamLines() {
  const now = Math.floor(Date.now() / 1000);
  const lines = [];
  for (let i = 0; i < COMMITS; i++) {
    const message = i % 97 === 0 ? `Revert "change ${i - 1}"\n` : `change ${i}${i % 5 === 0 ? ' fix crash' : ''}\n`;
    const file = `src/dir${i % 20}/file${i % 400}.ts`;
    const content = `export const v${i} = ${i};\n`;
    const time = now - (COMMITS - i) * 6300;
    lines.push(`commit refs/heads/main`, `mark :${i + 1}`, `author Dev${i % 9} <d${i % 9}@x> ${time - 3600} +0000`, `committer Dev${i % 9} <d${i % 9}@x> ${time} +0000`, `data ${Buffer.byteLength(message)}`, message, `M 644 inline ${file}`, `data ${Buffer.byteLength(content)}`, content, '');
    if ((i + 1) % (COMMITS / TAGS) === 0) {
      const n = (i + 1) / (COMMITS / TAGS);
      lines.push(`reset refs/tags/v1.${Math.floor(n / 4)}.${n % 4}`, `from :${i + 1}`, '');
    }
  }
  return lines;
}

function timed(command, args, cwd) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBT_PORTFOLIO_CACHE_DIR: path.join(repo, 'bench', 'out', 'cache') } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms: performance.now() - started, stdout: result.stdout.toString('utf8') };
}

generatedRepo(generated, streamLines);
const FORMAT = '--format=%H%x00%ct%x00%at %P%x00%B%x00';
const gitArgs = ['log', '-z', '--name-status', '--no-renames', FORMAT, 'HEAD', '--'];
const numstatArgs = ['log', '-z', '--numstat', '--no-renames', FORMAT, 'HEAD', '--'];
const oursArgs = [path.join(repo, 'dist', 'cli.js'), 'delivery', generated, '--format', 'json', '--no-debt', '--no-cache'];
timed('git', gitArgs, generated);
const git = [];
const numstat = [];
const ours = [];
let result;
for (let round = 0; round < ROUNDS; round++) {
  git.push(timed('git', gitArgs, generated).ms);
  numstat.push(timed('git', numstatArgs, generated).ms);
  const run = timed(process.execPath, oursArgs, generated);
  ours.push(run.ms);
  result = JSON.parse(run.stdout);
}
const releases = Array.isArray(result.releases) ? result.releases.length : result.releases;
const lines = [
  '## Delivery (issue 12)',
  '',
  `Method: a repository generated with \`git fast-import\` (${COMMITS.toLocaleString('en')} commits over two years, one in five a fix, one in 97 a revert, a tag every ${COMMITS / TAGS} commits: ${TAGS} releases, patch releases among them); \`node dist/cli.js delivery <it> --format json --no-debt --no-cache\` (the whole CLI process: start-up, the tag listing, one \`git log -z --name-status\`, the figures) against \`git log -z --name-status --no-renames\` of the same range with the same format (the data the figures need), its output drained, and \`--numstat\` for reference; ${ROUNDS} rounds alternating after one warm-up of git, medians.`,
  '',
  '| command | wall (ms, median) |',
  '|---|---|',
  `| git log -z --name-status | ${fmt(median(git), 0)} |`,
  `| git log -z --numstat | ${fmt(median(numstat), 0)} |`,
  `| debt-portfolio delivery | ${fmt(median(ours), 0)} |`,
  '',
  `Ours ÷ git log --name-status: **${fmt(median(ours) / median(git))}×** (target ≤ 2×); ÷ git log --numstat: ${fmt(median(ours) / median(numstat))}×; releases read: ${releases}; the sprints' figures cover the last ${result.sprints.length} sprints.`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
