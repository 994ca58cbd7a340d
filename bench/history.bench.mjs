/**
 * History benchmark (issue 4): our git history ingestion against git's own `git log --numstat` on the same
 * repositories (a generated 10,000-commit one and this project's), same run, alternating; and blame speed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedRepo } from './lib/generatedRepo.mjs';
import { fmt, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const generated = path.join(repo, 'bench', 'out', 'history-10k');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function streamLines() {
  const now = Math.floor(Date.now() / 1000);
  const lines = [];
  for (let i = 0; i < 10_000; i++) {
    const message = `change ${i}${i % 10 === 0 ? ' fix crash' : ''}\n\nbody line\n`;
    const file = `src/dir${i % 20}/file${i % 400}.ts`;
    const content = `export const v${i} = ${i};\n// TODO: revisit ${i % 7}\n`;
    lines.push('commit refs/heads/main', `committer Dev${i % 9} <d${i % 9}@x> ${now - (10_000 - i) * 900} +0000`, `data ${Buffer.byteLength(message)}`, message, `M 644 inline ${file}`, `data ${Buffer.byteLength(content)}`, content, '');
  }
  return lines;
}

function gitLogMs(root, days) {
  const started = performance.now();
  const result = spawnSync('git', ['log', '--no-merges', '-M', '--numstat', '-z', '--format=%x1e%H%x1f%ct%x1f%an <%ae>%x1f%B%x1f', `--since=${days} days ago`, 'HEAD', '--'], { cwd: root, maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  if (result.status !== 0) throw new Error('git log failed');
  return performance.now() - started;
}

/** Our ingestion, timed inside its own process so tsx's start-up is not counted. */
function oursMs(root, days) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/lib/historyRun.ts'), root, String(days)], { cwd: repo, encoding: 'utf8' });
  return JSON.parse(out);
}

function compare(name, root, days) {
  const git = [];
  const ours = [];
  let last;
  gitLogMs(root, days);
  for (let round = 0; round < ROUNDS; round++) {
    git.push(gitLogMs(root, days));
    last = oursMs(root, days);
    ours.push(last.ms);
  }
  return { name, commits: last.commits, files: last.files, git: median(git), ours: median(ours), rss: last.rssMiB };
}

generatedRepo(generated, streamLines);
const rows = [compare('generated, 10,000 commits, 400 files', generated, 3650), compare('this repository', repo, 3650)];
const blame = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/lib/blameRun.ts'), repo, 'test/fixtures/**'], { cwd: repo, encoding: 'utf8' }));

const lines = [
  '## History (issue 4)',
  '',
  `Method: \`git log --no-merges -M --numstat -z\` with our format, its output drained, against our \`readHistory\` (the same git command streamed and parsed into per-file figures), timed inside its own process (no start-up counted), ${ROUNDS} rounds alternating, medians. The generated repository is made with \`git fast-import\` (10,000 commits over 400 files, one in ten a fix).`,
  '',
  '| repository | commits | files | git log (ms) | ours (ms) | ours ÷ git | peak RSS ours (MiB) |',
  '|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.name} | ${r.commits} | ${r.files} | ${fmt(r.git, 0)} | ${fmt(r.ours, 0)} | **${fmt(r.ours / r.git)}×** | ${fmt(r.rss, 0)} |`),
  '',
  `Target: ≤ 1.2× git's own time. Blame: ${blame.dated} of ${blame.annotations} annotations in ${blame.files} files of this repository's fixtures dated in ${fmt(blame.coldMs, 0)} ms cold (**${fmt((blame.dated / blame.coldMs) * 1000, 0)} annotations/s**, one \`git blame --porcelain\` per file), ${fmt(blame.warmMs, 1)} ms from the blob-id cache. (The one left undated is in a fixture with lone-CR line ends: git counts lines by LF only, the scanner as VS Code does.)`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
