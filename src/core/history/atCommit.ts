import { spawn } from 'node:child_process';
import { tagMatcher } from '../annotations/grammar';
import type { TeamConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { gitEnvironment, gitHardening, killAfter, runGit } from '../git/run';
import type { AnnotationItem } from '../model';
import { annotationItemsOf } from '../scan';

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

/** The annotations in a commit's tree (as the scanner would find them there), without checking it out. */
export async function annotationsAtCommit(root: string, commit: string, config: TeamConfig): Promise<{ items: AnnotationItem[]; lines: Map<string, number> }> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`not a full commit id: ${commit}`);
  const tags = tagMatcher(config.tags);
  const pattern = config.tags.map((tag) => tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const grep = await runGit(root, ['grep', '-l', '-z', '-I', '-E', '-e', pattern, commit, '--'], { timeoutMs: 120_000 });
  const filter = pathFilter(config.include, config.exclude);
  const files = grep.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((name) => name.slice(commit.length + 1))
    .filter((file) => filter.accepts(file));
  const blobs = await blobsAt(root, commit, files);
  const items: AnnotationItem[] = [];
  const lines = new Map<string, number>();
  for (const [file, text] of blobs) {
    if (text.length > config.maxFileSizeBytes) continue;
    items.push(...(annotationItemsOf(file, text, tags) ?? []));
    lines.set(file, text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length);
  }
  return { items, lines };
}
