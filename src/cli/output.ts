import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { UsageError } from './command';

const PROBLEMS: Record<string, string> = {
  ELOOP: 'is a symbolic link; outputs are never written through a link (remove it or choose another path)',
  EISDIR: 'is a folder',
  ENOENT: 'is in a folder that does not exist',
  ENOTDIR: 'is in a path where a file stands for a folder',
  EACCES: 'may not be written (permission denied)',
  EPERM: 'may not be written (operation not permitted)',
  EROFS: 'is on a read-only file system',
  ENOSPC: 'could not be written: no space left on the device',
  EDQUOT: 'could not be written: disk quota exceeded',
};

/**
 * Writes an output file (--out, --write, --report) without following a symbolic link at its name (O_NOFOLLOW):
 * a link committed in a repository cannot redirect the write. Any failure is one UsageError naming the path.
 */
export async function writeOutput(file: string, text: string): Promise<void> {
  try {
    const handle = await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o666);
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(`cannot write ${file}: it ${PROBLEMS[code] ?? `could not be written (${(error as Error).message})`}`);
  }
}
