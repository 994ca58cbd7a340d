import { runGit } from './run';

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
