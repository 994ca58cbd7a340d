import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/** A repository at `dir` made once with `git fast-import` from the stream `lines()` gives (kept for later runs). */
export function generatedRepo(dir, lines) {
  if (existsSync(path.join(dir, '.git'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: lines().join('\n'), maxBuffer: 1 << 28 });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  return dir;
}
