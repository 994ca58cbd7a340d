import { spawn } from 'node:child_process';

/**
 * Settings that stop a repository's own config from running programs when we run git
 * (core.fsmonitor, hooks, textconv) and stop git from asking for anything.
 */
const HARDENING = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'protocol.allow=never', '-c', 'core.quotePath=false'];

export interface GitResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export class GitUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitUnavailableError';
  }
}

/** Runs git with fixed arguments (never through a shell), a timeout and no optional locks. */
export function runGit(cwd: string, args: readonly string[], options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...HARDENING, ...args], {
      cwd,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
      signal: options.signal,
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new GitUnavailableError('git was not found on PATH') : error),
    );
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: err.trim() }));
  });
}

/** True when `dir` is inside a git work tree (and git is there to say so). */
export async function isGitWorkTree(dir: string): Promise<boolean> {
  try {
    const result = await runGit(dir, ['rev-parse', '--is-inside-work-tree'], { timeoutMs: 10_000 });
    return result.code === 0 && result.stdout.toString('utf8').trim() === 'true';
  } catch {
    return false;
  }
}
