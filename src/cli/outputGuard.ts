import { withoutControls } from '../core/text/controls';

/**
 * Every string the CLI writes to `stream` goes through withoutControls, so no annotation text,
 * file name, note or message can move the cursor, clear the screen or fake a line in a CI log.
 */
export function guardOutput(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? withoutControls(chunk) : chunk, ...rest)) as typeof stream.write;
}
