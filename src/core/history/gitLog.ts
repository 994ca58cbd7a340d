import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { gitEnvironment, gitHardening, killAfter } from '../git/run';

/** One commit as `git log --numstat` gives it: the files it touched and lines churned in each. */
export interface LogCommit {
  hash: string;
  /** Seconds since the epoch (committer date). */
  time: number;
  author: string;
  message: string;
  files: Array<{ path: string; churn: number; renamedFrom?: string }>;
}

const RECORD = '\x1e';
const FIELD = '\x1f';
export const LOG_FORMAT = `--format=${RECORD}%H${FIELD}%ct${FIELD}%an <%ae>${FIELD}%B${FIELD}`;

/** Parses one record (after the record separator) of the log format above. */
export function parseRecord(record: string): LogCommit | undefined {
  const fields = record.split(FIELD);
  if (fields.length < 5) return undefined;
  const [hash, time, author, message] = fields as [string, string, string, string];
  const tokens = fields.slice(4).join(FIELD).split('\0');
  const files: LogCommit['files'] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/^\n/, '');
    const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(token);
    if (!m) continue;
    const churn = (m[1] === '-' ? 0 : Number(m[1])) + (m[2] === '-' ? 0 : Number(m[2]));
    if (m[3] === '') {
      const from = tokens[++i];
      const to = tokens[++i];
      if (from !== undefined && to !== undefined) files.push({ path: to, churn, renamedFrom: from });
    } else files.push({ path: m[3]!, churn });
  }
  return { hash, time: Number(time), author, message: message.trim(), files };
}

/**
 * Streams `git log --no-merges -M --numstat -z` from `commit` back to `since`, one commit at a time,
 * holding at most one commit's text in memory.
 */
export function streamLog(root: string, commit: string, sinceSeconds: number, onCommit: (commit: LogCommit) => void, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [...gitHardening(), 'log', '--no-merges', '-M', '--numstat', '-z', '--no-ext-diff', '--no-textconv', LOG_FORMAT, `--since=${sinceSeconds}`, '--end-of-options', commit, '--'];
    const child = spawn('git', args, { cwd: root, env: gitEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    const stop = killAfter(child, options.timeoutMs ?? 120_000);
    const decoder = new StringDecoder('utf8');
    let pending = '';
    let stderr = '';
    const flush = (final: boolean): void => {
      const records = pending.split(RECORD);
      pending = final ? '' : records.pop()!;
      for (const record of records) {
        const parsed = record ? parseRecord(record) : undefined;
        if (parsed) onCommit(parsed);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => {
      pending += decoder.write(chunk);
      if (pending.includes(RECORD)) flush(false);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      stop();
      reject(error);
    });
    child.on('close', (code) => {
      stop();
      pending += decoder.end();
      if (code !== 0) return reject(new Error(`git log failed (${code}): ${stderr.trim()}`));
      flush(true);
      resolve();
    });
  });
}
