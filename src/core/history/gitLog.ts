import { decodeName } from '../files/fileNames';
import { GitCallError, killAfter, notFound, spawnGit } from '../git/run';

/** One commit as `git log --numstat` gives it: the files it touched and lines churned in each. */
export interface LogCommit {
  hash: string;
  /** Seconds since the epoch (committer date). */
  time: number;
  author: string;
  message: string;
  files: Array<{ path: string; churn: number; renamedFrom?: string }>;
}

/**
 * Every field NUL-terminated: git ends `%B` at a NUL and no name holds one, so no message, author or path
 * can forge a field or a record; the hash and time are checked before they are used.
 */
export const LOG_FORMAT = '--format=%H%x00%ct%x00%an <%ae>%x00%B%x00';
const HEADER_FIELDS = 4;
const NUMSTAT = /^\n?(\d+|-)\t(\d+|-)\t/;
/** A `--name-status --no-renames` entry's status: one letter, its path in the next token. */
const NAME_STATUS = /^\n?[ADMTUX]$/;

/** What a log call lists per file: `--numstat` (churn, renames) or `--name-status --no-renames` (paths only, no line diff). */
export type LogFiles = 'numstat' | 'name-status';
const HASH = /^\n?([0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Turns `git log -z --numstat` with LOG_FORMAT, one NUL-terminated token at a time, into commits:
 * four header fields, then numstat entries (a rename's paths in the two tokens after it) until the next hash.
 */
export class LogParser {
  private header: Buffer[] = [];
  private commit: LogCommit | undefined;
  private pendingRename: { churn: number; paths: string[] } | undefined;
  private pendingPath = false;

  constructor(
    private readonly onCommit: (commit: LogCommit) => void,
    private readonly files: LogFiles = 'numstat',
  ) {}

  push(token: Buffer): void {
    if (this.header.length > 0 || !this.commit) return this.pushHeader(token);
    if (this.pendingRename) return this.pushRenamePath(token);
    if (this.pendingPath) return this.pushNamedPath(token);
    if (token.length === 0) return;
    const text = token.toString('latin1');
    if (this.files === 'name-status') return this.pushStatus(text, token);
    const numstat = NUMSTAT.exec(text);
    if (!numstat) {
      this.flush();
      return this.pushHeader(token);
    }
    const churn = (numstat[1] === '-' ? 0 : Number(numstat[1])) + (numstat[2] === '-' ? 0 : Number(numstat[2]));
    const name = token.subarray(numstat[0].length);
    if (name.length === 0) this.pendingRename = { churn, paths: [] };
    else this.commit.files.push({ path: decodeName(name), churn });
  }

  private pushStatus(text: string, token: Buffer): void {
    if (NAME_STATUS.test(text)) {
      this.pendingPath = true;
      return;
    }
    this.flush();
    this.pushHeader(token);
  }

  private pushNamedPath(token: Buffer): void {
    this.commit!.files.push({ path: decodeName(token), churn: 0 });
    this.pendingPath = false;
  }

  /** Hands on the last commit; throws when the output ended inside one. */
  end(): void {
    if (this.header.length > 0 || this.pendingRename || this.pendingPath) throw new Error('git log output ended inside a commit');
    this.flush();
  }

  private pushHeader(token: Buffer): void {
    this.header.push(token);
    if (this.header.length < HEADER_FIELDS) return;
    const [hash, time, author, message] = this.header.map((field) => field.toString('utf8')) as [string, string, string, string];
    this.header = [];
    const id = HASH.exec(hash)?.[1];
    if (!id || !/^\d+$/.test(time)) throw new Error(`git log gave a record it should not: ${JSON.stringify(hash.slice(0, 80))}`);
    this.commit = { hash: id, time: Number(time), author, message: message.trim(), files: [] };
  }

  private pushRenamePath(token: Buffer): void {
    const rename = this.pendingRename!;
    rename.paths.push(decodeName(token));
    if (rename.paths.length < 2) return;
    this.commit!.files.push({ path: rename.paths[1]!, churn: rename.churn, renamedFrom: rename.paths[0]! });
    this.pendingRename = undefined;
  }

  private flush(): void {
    if (this.commit) this.onCommit(this.commit);
    this.commit = undefined;
  }
}

/** Splits a stream into NUL-terminated tokens, holding only the unfinished one. */
function nulTokens(onToken: (token: Buffer) => void): { write(chunk: Buffer): void; end(): void } {
  let pending: Buffer[] = [];
  return {
    write(chunk) {
      let start = 0;
      for (let at = chunk.indexOf(0); at >= 0; start = at + 1, at = chunk.indexOf(0, start)) {
        onToken(pending.length === 0 ? chunk.subarray(start, at) : Buffer.concat([...pending, chunk.subarray(start, at)]));
        pending = [];
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    },
    end() {
      if (pending.length > 0) onToken(Buffer.concat(pending));
    },
  };
}

/**
 * Streams `git log --no-merges -M --numstat -z` from `commit` back to `since`, one commit at a time,
 * holding at most one commit in memory; rejects when git fails or its output does not parse.
 */
export function streamLog(root: string, commit: string, sinceSeconds: number, onCommit: (commit: LogCommit) => void, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  const args = ['log', '--no-merges', '-M', '--numstat', '-z', '--no-ext-diff', '--no-textconv', '--no-show-signature', LOG_FORMAT, `--since=${sinceSeconds}`, '--end-of-options', commit, '--'];
  return streamLogOutput(root, args, onCommit, options);
}

/** Streams the output of a `git log -z` call (`--numstat`, or `--name-status --no-renames`) whose format has LOG_FORMAT's four NUL-terminated fields. */
export function streamLogOutput(root: string, args: readonly string[], onCommit: (commit: LogCommit) => void, options: { timeoutMs?: number; signal?: AbortSignal; files?: LogFiles } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(root, args, { signal: options.signal });
    const stop = killAfter(child, options.timeoutMs ?? 120_000);
    const parser = new LogParser(onCommit, options.files);
    const tokens = nulTokens((token) => parser.push(token));
    let failure: Error | undefined;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        tokens.write(chunk);
      } catch (error) {
        failure = error as Error;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      stop();
      reject(notFound(error));
    });
    child.on('close', (code) => {
      stop();
      if (failure) return reject(failure);
      if (code !== 0) return reject(new GitCallError(args, code, stderr.trim()));
      try {
        tokens.end();
        parser.end();
        resolve();
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
