import { nonBlankLinesOfUtf8 } from '../text/lines';
import { constants } from 'node:fs';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import type { SkipReason } from '../model';
import { fsPath } from './fileNames';
import { symlinkSkipSync } from './listFiles';

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
const BINARY_SNIFF_BYTES = 8192;
/** A file this long whose lines average more than MINIFIED_MEAN_LINE characters is taken for minified. */
const MINIFIED_MIN_BYTES = 2048;
const MINIFIED_MEAN_LINE = 300;

export type ReadOutcome =
  | { ok: true; text: string; bytes: number; notes: string[]; tagless?: undefined }
  | { ok: false; reason: SkipReason; detail: string };

/** A file read and checked like any other whose UTF-8 bytes hold no tag, so it was not decoded. */
export interface TaglessOutcome {
  ok: true;
  tagless: true;
  bytes: number;
  /** Non-blank lines, counted on the bytes (the file's health record needs its size). */
  lines: number;
}

export interface ReadTextOptions {
  /** False when UTF-8 bytes hold no tag (`TagMatcher.inBytes`): such a file is not decoded. */
  mayHoldTag: (utf8: Buffer) => boolean;
}

const hasUtf16Bom = (buffer: Buffer): boolean => (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff);

const isBinary = (buffer: Buffer): boolean => !hasUtf16Bom(buffer) && buffer.subarray(0, BINARY_SNIFF_BYTES).includes(0);

function decode(buffer: Buffer, mayHoldTag?: ReadTextOptions['mayHoldTag']): { text: string; notes: string[] } | { tagless: true } {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.subarray(2).toString('utf16le'), notes: ['UTF-16LE (byte order mark)'] };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), notes: ['UTF-16BE (byte order mark)'] };
  }
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  const valid = isUtf8(body);
  if (valid && mayHoldTag && !mayHoldTag(body)) return { tagless: true };
  return { text: body.toString('utf8'), notes: valid ? [] : ['invalid UTF-8: undecodable bytes read as U+FFFD, line numbers unaffected'] };
}

/** Lines averaging over MINIFIED_MEAN_LINE bytes; counts newlines only until there are enough for a shorter mean. */
function looksMinified(buffer: Buffer): boolean {
  if (buffer.length < MINIFIED_MIN_BYTES) return false;
  const enough = buffer.length / MINIFIED_MEAN_LINE;
  let lines = 1;
  for (let at = buffer.indexOf(10); at >= 0 && lines < enough; at = buffer.indexOf(10, at + 1)) lines++;
  return lines < enough;
}

/** The bytes of a regular file, or why it is skipped; one open, one fstat, one read, never following a link. */
function readBytes(absolute: string | Buffer, maxBytes: number): { bytes: Buffer } | { reason: SkipReason; detail: string } | { symlink: true } {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { symlink: true };
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { reason: 'not-a-file', detail: 'not a regular file' };
    if (info.size > maxBytes) return { reason: 'too-large', detail: `${info.size} bytes, over the ${maxBytes}-byte limit` };
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return { bytes: bytes.subarray(0, filled) };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file as text, or says why it is skipped: never throws for a bad file. Synchronous on
 * purpose: for thousands of small files it is several times faster than the promise API's thread-pool
 * round trips; callers yield between files. With `mayHoldTag`, a valid UTF-8 file whose bytes hold no
 * tag comes back tagless, undecoded, after the same binary and minified checks.
 */
export function readText(root: string, file: string, maxBytes: number): ReadOutcome;
export function readText(root: string, file: string, maxBytes: number, options: ReadTextOptions): ReadOutcome | TaglessOutcome;
export function readText(root: string, file: string, maxBytes: number, options?: ReadTextOptions): ReadOutcome | TaglessOutcome {
  const absolute = fsPath(root, file);
  try {
    const read = readBytes(absolute, maxBytes);
    if ('symlink' in read) return { ok: false, reason: symlinkSkipSync(root, file), detail: 'symbolic link, not followed' };
    if ('reason' in read) return { ok: false, ...read };
    const buffer = read.bytes;
    if (isBinary(buffer)) return { ok: false, reason: 'binary', detail: `a NUL byte in the first ${BINARY_SNIFF_BYTES} bytes` };
    if (looksMinified(buffer)) return { ok: false, reason: 'minified', detail: `lines average over ${MINIFIED_MEAN_LINE} characters` };
    const decoded = decode(buffer, options?.mayHoldTag);
    if ('tagless' in decoded) return { ok: true, tagless: true, bytes: buffer.length, lines: nonBlankLinesOfUtf8(buffer) };
    return { ok: true, text: decoded.text, bytes: buffer.length, notes: decoded.notes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'vanished', detail: 'deleted before it could be read' };
    return { ok: false, reason: 'unreadable', detail: (error as Error).message };
  }
}
