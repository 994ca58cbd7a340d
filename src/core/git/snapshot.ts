import { spawn } from 'node:child_process';
import { gitEnvironment, gitHardening, runGit } from './run';

export class BadRefError extends Error {
  constructor(ref: string, reason: string) {
    super(`"${ref}" is not a commit here: ${reason}`);
    this.name = 'BadRefError';
  }
}

/** The commit a ref names; a ref starting with "-" or not naming a commit is refused. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  if (ref.startsWith('-') || ref.includes('\0')) throw new BadRefError(ref, 'refs may not start with "-"');
  const result = await runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { timeoutMs: 15_000 });
  if (result.code !== 0) throw new BadRefError(ref, result.stderr || 'unknown revision');
  return result.stdout.toString('utf8').trim();
}

/** Writes the tree of a commit into `dest` (git archive piped to tar), for scanning a past state. */
export async function exportTree(root: string, commit: string, dest: string): Promise<void> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new BadRefError(commit, 'not a full commit id');
  await new Promise<void>((resolve, reject) => {
    const archive = spawn('git', [...gitHardening(), 'archive', '--format=tar', commit], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: gitEnvironment() });
    const tar = spawn('tar', ['-x', '-C', dest], { stdio: ['pipe', 'ignore', 'pipe'] });
    archive.stdout.pipe(tar.stdin);
    let errors = '';
    archive.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    tar.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    archive.on('error', reject);
    tar.on('error', reject);
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git archive | tar failed: ${errors.trim()}`))));
  });
}
