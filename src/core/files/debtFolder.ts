import { closeSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** A file of the workspace's `.debt` folder that cannot be used: `file` is relative to the workspace. */
export class DebtFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'DebtFileError';
  }
}

const isInside = (folder: string, target: string): boolean => target === folder || target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

/** The real path of `target`, or of its nearest ancestor that exists. */
function realExisting(target: string): string {
  try {
    return realpathSync(target);
  } catch (error) {
    const parent = path.dirname(target);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === target) throw error;
    return realExisting(parent);
  }
}

/**
 * The absolute path of `relative` under `root`, refusing one that a symbolic link (`.debt -> ../elsewhere`, or the
 * file itself) leads out of the workspace folder: nothing of the workspace is read or written outside it.
 */
export function pathInside(root: string, relative: string): string {
  const absolute = path.join(root, relative);
  const realRoot = realpathSync(root);
  const real = realExisting(absolute);
  if (!isInside(realRoot, real)) throw new DebtFileError(relative, `leads out of the workspace folder through a symbolic link (to ${real}); it is not read or written`);
  return absolute;
}

const READ_CHUNK = 1 << 20;

/**
 * Reads a `.debt` file as UTF-8 (BOM dropped) after checking that it stays inside the workspace, is a regular
 * file and holds at most `limit` bytes. Undefined when it does not exist; DebtFileError for every other problem.
 */
export function readDebtFile(root: string, relative: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(pathInside(root, relative), 'r');
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new DebtFileError(relative, 'is not a regular file');
    if (stats.size > limit) throw new DebtFileError(relative, `is ${stats.size} bytes, over the limit of ${limit} bytes (${mebibytes(limit)}); it is not read`);
    return readUpTo(fd, relative, limit).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof DebtFileError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && fd === undefined) return undefined;
    throw new DebtFileError(relative, `cannot be read: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Reads to the end, failing once more than `limit` bytes came (a file that grew after its size was checked). */
function readUpTo(fd: number, relative: string, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    const read = readSync(fd, chunk, 0, READ_CHUNK, null);
    if (read === 0) return Buffer.concat(chunks, total);
    total += read;
    if (total > limit) throw new DebtFileError(relative, `grew over the limit of ${mebibytes(limit)} while being read; it is not read`);
    chunks.push(chunk.subarray(0, read));
  }
}

const mebibytes = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;
