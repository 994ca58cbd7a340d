import { decodeName } from '../files/fileNames';
import type { Warning } from '../model';
import { GitCallError, gitOutput, killAfter, notFound, spawnGit } from './run';

const LS_TREE_ENTRY = /^(\d+) (\w+) ([0-9a-f]{40}|[0-9a-f]{64})$/;

/** Object ids of the regular files at `commit` among the wanted paths, from `git ls-tree -r -z` read as bytes (no path ever goes to git). */
async function blobIds(root: string, commit: string, wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  const listing = await gitOutput(root, ['ls-tree', '-r', '-z', '--full-tree', '--end-of-options', commit], { timeoutMs: 120_000 });
  const ids = new Map<string, string>();
  for (let start = 0, end = listing.stdout.indexOf(0); end >= 0; start = end + 1, end = listing.stdout.indexOf(0, start)) {
    const entry = listing.stdout.subarray(start, end);
    const tab = entry.indexOf(9);
    const head = LS_TREE_ENTRY.exec(entry.subarray(0, tab).toString('latin1'));
    if (!head) throw new Error(`git ls-tree gave an entry it should not: ${JSON.stringify(entry.subarray(0, 80).toString('utf8'))}`);
    const file = decodeName(entry.subarray(tab + 1));
    if (head[2] === 'blob' && head[1]!.startsWith('100') && wanted.has(file)) ids.set(file, head[3]!);
  }
  return ids;
}

/** Parses `git cat-file --batch` output as it streams: a header line, then `size` bytes and a newline per object. */
class BatchReader {
  private buffered: Buffer = Buffer.alloc(0);
  private current: { index: number; size: number; keep: boolean; chunks: Buffer[]; left: number } | undefined;
  private next = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly onObject: (index: number, content: Buffer | { skipped: string }) => void,
  ) {}

  write(chunk: Buffer): void {
    this.buffered = this.buffered.length > 0 ? Buffer.concat([this.buffered, chunk]) : chunk;
    while (this.buffered.length > 0) {
      if (this.current) this.takeBody();
      else if (!this.takeHeader()) return;
    }
  }

  get finished(): number {
    return this.next;
  }

  private takeHeader(): boolean {
    const eol = this.buffered.indexOf(10);
    if (eol < 0) return false;
    const header = this.buffered.subarray(0, eol).toString('latin1');
    this.buffered = this.buffered.subarray(eol + 1);
    const index = this.next++;
    const blob = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!blob) {
      if (!/ missing$/.test(header)) throw new Error(`git cat-file gave a header it should not: ${JSON.stringify(header.slice(0, 80))}`);
      this.onObject(index, { skipped: 'the object is missing from the repository' });
      return true;
    }
    const size = Number(blob[1]);
    this.current = { index, size, keep: size <= this.maxBytes, chunks: [], left: size + 1 };
    return true;
  }

  private takeBody(): void {
    const current = this.current!;
    const piece = this.buffered.subarray(0, current.left);
    this.buffered = this.buffered.subarray(piece.length);
    current.left -= piece.length;
    if (current.keep) current.chunks.push(piece);
    if (current.left > 0) return;
    this.current = undefined;
    const content = current.keep ? Buffer.concat(current.chunks).subarray(0, current.size) : { skipped: `${current.size} bytes, over the ${this.maxBytes}-byte limit` };
    this.onObject(current.index, content);
  }
}

/**
 * The texts of some files at a commit: paths resolved to object ids by `ls-tree -z`, objects read by id
 * through one streaming `cat-file --batch` (no filter, no textconv, no path on its stdin). A blob over
 * `maxBytes` is never held in memory: it is skipped with a warning naming the file.
 */
export async function blobsAt(root: string, commit: string, files: readonly string[], options: { maxBytes: number; onWarning?: (warning: Warning) => void }): Promise<Map<string, string>> {
  const ids = await blobIds(root, commit, new Set(files));
  const order = [...ids.entries()];
  const texts = new Map<string, string>();
  if (order.length === 0) return texts;
  const reader = new BatchReader(options.maxBytes, (index, content) => {
    const file = order[index]![0];
    if (Buffer.isBuffer(content)) texts.set(file, content.toString('utf8'));
    else options.onWarning?.({ file, code: 'skip-at-commit', message: `skipped at ${commit.slice(0, 12)}: ${content.skipped}` });
  });
  await catFileBatch(root, order.map(([, id]) => `${id}\n`).join(''), (chunk) => reader.write(chunk));
  if (reader.finished !== order.length) throw new Error(`git cat-file answered ${reader.finished} of ${order.length} objects`);
  return texts;
}

function catFileBatch(root: string, input: string, onChunk: (chunk: Buffer) => void): Promise<void> {
  const args = ['cat-file', '--batch'];
  return new Promise((resolve, reject) => {
    const child = spawnGit(root, args, { stdin: true });
    const stop = killAfter(child, 120_000);
    let failure: Error | undefined;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        onChunk(chunk);
      } catch (error) {
        failure = error as Error;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin!.on('error', () => undefined);
    child.on('error', (error) => (stop(), reject(notFound(error))));
    child.on('close', (code) => {
      stop();
      if (failure) reject(failure);
      else if (code !== 0) reject(new GitCallError(args, code, stderr.trim()));
      else resolve();
    });
    child.stdin!.end(input);
  });
}
