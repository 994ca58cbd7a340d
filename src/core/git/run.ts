import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Settings that stop a repository's config (or a file it includes) from running a program when we run
 * git: `-c` outranks every config file. Filters and textconv drivers have names we cannot know, so no
 * git call of ours reads the working tree through them: blame reads HEAD, blobs are read by object id.
 */
const HARDENING = [
  ['core.fsmonitor', 'false'],
  ['core.hooksPath', '/dev/null'],
  ['core.attributesFile', '/dev/null'],
  ['core.pager', 'cat'],
  ['core.askPass', ''],
  ['credential.helper', ''],
  ['protocol.allow', 'never'],
  ['core.quotePath', 'false'],
  ['diff.external', ''],
  ['log.showSignature', 'false'],
].flatMap(([key, value]) => ['-c', `${key}=${value}`]);

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

/** A git call that failed: names the call (subcommand) and git's own reason. */
export class GitCallError extends Error {
  constructor(args: readonly string[], code: number | null, stderr: string) {
    const reason = stderr.split('\n').find(Boolean) ?? (code === null ? 'killed (timed out or aborted)' : 'no message');
    super(`git ${args[0] ?? ''} failed (exit ${code ?? 'signal'}): ${reason}`);
    this.name = 'GitCallError';
  }
}

/**
 * The environment git runs in: every inherited GIT_* variable dropped (an inherited GIT_DIR, GIT_WORK_TREE,
 * GIT_INDEX_FILE, GIT_CONFIG_* or GIT_EXEC_PATH would read another repository or inject config), then no
 * optional locks, no prompts, no pager, no system attributes, C locale.
 */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.toUpperCase().startsWith('GIT_')) env[key] = value;
  return { ...env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_ATTR_NOSYSTEM: '1', GIT_NO_REPLACE_OBJECTS: '1', LC_ALL: 'C' };
}

/** Kills a child that runs past `ms` (spawn's own timeout option keeps the process alive after a failed start). */
export function killAfter(child: ChildProcess, ms: number): () => void {
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Starts git, hardened, in a scrubbed environment, never through a shell; the caller owns its streams. */
export function spawnGit(cwd: string, args: readonly string[], options: { stdin?: boolean; signal?: AbortSignal; indexFile?: string } = {}): ChildProcess & { stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream } {
  const env = options.indexFile ? { ...gitEnvironment(), GIT_INDEX_FILE: options.indexFile } : gitEnvironment();
  return spawn('git', [...HARDENING, ...args], { cwd, env, stdio: [options.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'], signal: options.signal }) as ChildProcess & { stdout: NodeJS.ReadableStream; stderr: NodeJS.ReadableStream };
}

export const notFound = (error: NodeJS.ErrnoException): Error => (error.code === 'ENOENT' ? new GitUnavailableError('git was not found on PATH') : error);

/**
 * Runs git with fixed arguments, a timeout and no optional locks; resolves with whatever exit status it had.
 * `indexFile`: an index of our own (a temporary file), in place of the repository's.
 */
export function runGit(cwd: string, args: readonly string[], options: { timeoutMs?: number; signal?: AbortSignal; input?: Buffer; indexFile?: string } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(cwd, args, { signal: options.signal, stdin: options.input !== undefined, indexFile: options.indexFile });
    if (options.input !== undefined) {
      child.stdin!.on('error', () => undefined);
      child.stdin!.end(options.input);
    }
    const stop = killAfter(child, options.timeoutMs ?? 60_000);
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => {
      stop();
      reject(notFound(error));
    });
    child.on('close', (code) => {
      stop();
      resolve({ code, stdout: Buffer.concat(out), stderr: err.trim() });
    });
  });
}

/** Runs git and gives its output, or throws a GitCallError naming the call when git exits with other than `okCodes`. */
export async function gitOutput(cwd: string, args: readonly string[], options: { timeoutMs?: number; signal?: AbortSignal; okCodes?: readonly number[]; input?: Buffer; indexFile?: string } = {}): Promise<GitResult> {
  const result = await runGit(cwd, args, options);
  if (result.code === null || !(options.okCodes ?? [0]).includes(result.code)) throw new GitCallError(args, result.code, result.stderr);
  return result;
}

export type RepositoryKind = 'work-tree' | 'bare' | 'none';

/** Whether `dir` is inside a git work tree, is (inside) a bare repository, or neither (or git is missing). */
export async function repositoryKind(dir: string): Promise<RepositoryKind> {
  try {
    const result = await runGit(dir, ['rev-parse', '--is-bare-repository', '--is-inside-work-tree'], { timeoutMs: 10_000 });
    const [bare, inside] = result.stdout.toString('utf8').trim().split('\n');
    if (result.code !== 0) return 'none';
    return bare === 'true' ? 'bare' : inside === 'true' ? 'work-tree' : 'none';
  } catch {
    return 'none';
  }
}

/** True when `dir` is inside a git work tree (and git is there to say so). */
export const isGitWorkTree = async (dir: string): Promise<boolean> => (await repositoryKind(dir)) === 'work-tree';
