import { isUtf8 } from 'node:buffer';
import path from 'node:path';

/**
 * File names are bytes; ours are strings. A name that is not valid UTF-8 keeps each undecodable byte as a
 * lone surrogate U+DC80–U+DCFF (Python's "surrogateescape"): no valid UTF-8 decodes to one, so the
 * string maps back to the exact bytes (to open the file), and writing it as UTF-8 shows U+FFFD.
 */
const ESCAPE_BASE = 0xdc00;
/** A low surrogate in U+DC80–U+DCFF that is not the second half of a pair. */
const ESCAPED = /(?<![\ud800-\udbff])[\udc80-\udcff]/;
const ESCAPED_ALL = new RegExp(ESCAPED.source, 'g');
const ESCAPED_SPLIT = new RegExp(`(${ESCAPED.source})`);

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  return lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
}

/** The name for a file name's bytes: plain UTF-8 where they are valid, escaped bytes where not. */
export function decodeName(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let name = '';
  for (let at = 0; at < bytes.length; ) {
    const length = sequenceLength(bytes[at]!);
    const sequence = bytes.subarray(at, at + length);
    if (length > 0 && sequence.length === length && isUtf8(sequence)) {
      name += sequence.toString('utf8');
      at += length;
    } else name += String.fromCharCode(ESCAPE_BASE + bytes[at++]!);
  }
  return name;
}

/** The bytes a name stands for (the inverse of decodeName). */
export function encodeName(name: string): Buffer {
  if (!ESCAPED.test(name)) return Buffer.from(name, 'utf8');
  const parts: Buffer[] = [];
  for (const piece of name.split(ESCAPED_SPLIT)) {
    if (piece.length === 1 && ESCAPED.test(piece)) parts.push(Buffer.of(piece.charCodeAt(0) - ESCAPE_BASE));
    else parts.push(Buffer.from(piece, 'utf8'));
  }
  return Buffer.concat(parts);
}

/** True when the name is not valid UTF-8 on disk: git can only be handed such a name through stdin, never as an argument. */
export const hasEscapedBytes = (name: string): boolean => ESCAPED.test(name);

/** The path to open a file by (a Buffer holding its real bytes when its name is not valid UTF-8). */
export function fsPath(root: string, name: string): string | Buffer {
  const joined = path.join(root, name);
  return hasEscapedBytes(name) ? encodeName(joined) : joined;
}

/** The name as people see it: every undecodable byte as U+FFFD. */
export const displayName = (name: string): string => name.replace(ESCAPED_ALL, '\ufffd');

/** The names in git's `-z` output (or any NUL-terminated list), read as bytes. */
export function nulSeparatedNames(output: Buffer): string[] {
  const names: string[] = [];
  for (let start = 0, end = output.indexOf(0); start < output.length; start = end + 1, end = output.indexOf(0, start)) {
    const stop = end < 0 ? output.length : end;
    if (stop > start) names.push(decodeName(output.subarray(start, stop)));
    if (end < 0) break;
  }
  return names;
}
