import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Settings that stop a repository's own config from running programs when we run git
 * (core.fsmonitor, hooks, textconv) and stop git from asking for anything.
 */
const HARDENING = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'protocol.allow=never', '-c', 'core.quotePath=false', '-c', 'diff.external=', '-c', 'log.showSignature=false'];

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

export const gitHardening = (): string[] => [...HARDENING];

/** The environment git runs in: no optional locks, no prompts, no pager, C locale. */
export const gitEnvironment = (): NodeJS.ProcessEnv => ({ ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' });

/** Kills a child that runs past `ms` (spawn's own timeout option keeps the process alive after a failed start). */
export function killAfter(child: ChildProcess, ms: number): () => void {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Runs git with fixed arguments (never through a shell), a timeout and no optional locks. */
export function runGit(cwd: string, args: readonly string[], options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...HARDENING, ...args], {
      cwd,
      env: gitEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: options.signal,
    });
    const stop = killAfter(child, options.timeoutMs ?? 60_000);
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => {
      stop();
      reject(error.code === 'ENOENT' ? new GitUnavailableError('git was not found on PATH') : error);
    });
    child.on('close', (code) => {
      stop();
      resolve({ code, stdout: Buffer.concat(out), stderr: err.trim() });
    });
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
