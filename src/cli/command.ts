import { writeSync } from 'node:fs';
import type { ParseArgsConfig } from 'node:util';

export const EXIT_OK = 0;
export const EXIT_GATE_FAILED = 1;
export const EXIT_USAGE = 2;

/** A mistake in the command line: reported in one line, exit code 2. */
export class UsageError extends Error {}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

/** Writes to a file when `out` names one (never through a link), else to stdout. */
export async function emit(text: string, out: unknown): Promise<void> {
  if (typeof out === 'string') {
    const { writeOutput } = await import('./output');
    await writeOutput(out, text);
  } else process.stdout.write(text);
}

/** Stderr progress, only when stderr is a terminal; written to the descriptor, past the output guard, since it moves the cursor on purpose. */
export function terminalProgress(label: string): { onProgress?: (done: number, total: number) => void; end(): void } {
  if (!process.stderr.isTTY) return { end() {} };
  return {
    onProgress: (done, total) => writeSync(process.stderr.fd, `\r${label} ${done}/${total} files`),
    end: () => writeSync(process.stderr.fd, '\r\x1b[K'),
  };
}
