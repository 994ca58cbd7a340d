import { spawn } from 'node:child_process';
import type { TeamConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { gitEnvironment, gitHardening, killAfter, runGit } from '../git/run';
import type { DebtItem } from '../model';
import { nonBlankLines } from '../text/lines';
import { fileItems, type ItemContext } from './fileItems';

/** The contents of some files at a commit, through one `git cat-file --batch`. */
async function blobsAt(root: string, commit: string, files: readonly string[]): Promise<Map<string, string>> {
  const output = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', [...gitHardening(), 'cat-file', '--batch'], { cwd: root, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    const stop = killAfter(child, 120_000);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => (stop(), reject(error)));
    child.on('close', (code) => (stop(), code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file failed (${code})`))));
    child.stdin.end(files.map((file) => `${commit}:${file}\n`).join(''));
  });
  const blobs = new Map<string, string>();
  let at = 0;
  for (const file of files) {
    const eol = output.indexOf(10, at);
    const header = output.subarray(at, eol).toString();
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) {
      at = eol + 1;
      continue;
    }
    blobs.set(file, output.subarray(eol + 1, eol + 1 + Number(size)).toString('utf8'));
    at = eol + 1 + Number(size) + 1;
  }
  return blobs;
}

/** What a commit scan found: the items, and each file's non-blank line count (the file proxy reads it). */
export interface CommitScan {
  items: DebtItem[];
  lines: Map<string, number>;
}

const escapeTag = (tag: string): string => tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files of a commit's tree the scan reads: with hotspots, every one; else those `git grep` finds a tag in. */
async function filesAt(root: string, commit: string, config: TeamConfig, context: ItemContext): Promise<string[]> {
  const args = context.hotspots
    ? ['ls-tree', '-r', '-z', '--name-only', commit, '--']
    : ['grep', '-l', '-z', '-I', '-E', '-e', config.tags.map(escapeTag).join('|'), commit, '--'];
  const listed = await runGit(root, args, { timeoutMs: 120_000 });
  const prefix = context.hotspots ? '' : `${commit}:`;
  const filter = pathFilter(config.include, config.exclude);
  return listed.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((name) => name.slice(prefix.length))
    .filter((file) => filter.accepts(file));
}

/**
 * The items in a commit's tree, found exactly as a folder scan finds them (the same `fileItems`), without
 * checking the commit out. Hotspots only when the context asks for them (every TS/JS file is parsed then).
 */
export async function scanCommit(root: string, commit: string, config: TeamConfig, context: ItemContext): Promise<CommitScan> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`not a full commit id: ${commit}`);
  const blobs = await blobsAt(root, commit, await filesAt(root, commit, config, context));
  const items: DebtItem[] = [];
  const lines = new Map<string, number>();
  for (const [file, text] of blobs) {
    if (text.length > config.maxFileSizeBytes) continue;
    items.push(...((await fileItems(file, text, context))?.items ?? []));
    lines.set(file, nonBlankLines(text));
  }
  return { items, lines };
}
