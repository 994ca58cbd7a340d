import { createHash } from 'node:crypto';

export const normaliseText = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Stable ids for annotations: hash(path, tag, normalised text), with a counter for
 * identical annotations in one file so each keeps its own id.
 */
export function annotationIds(file: string, annotations: ReadonlyArray<{ tag: string; text: string }>): string[] {
  const seen = new Map<string, number>();
  return annotations.map(({ tag, text }) => {
    const key = `${tag}\u0000${normaliseText(text)}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return createHash('sha256').update(`${file}\u0000${key}\u0000${count}`).digest('hex').slice(0, 16);
  });
}

/** Stable ids for hotspots: hash(path, qualified name), with a counter for functions of the same name in one file. */
export function hotspotIds(file: string, names: readonly string[]): string[] {
  return annotationIds(file, names.map((name) => ({ tag: '\u0001hotspot', text: name })));
}

/** The stable id of a file's own item: hash(path). */
export const fileItemId = (file: string): string => annotationIds(file, [{ tag: '\u0001file', text: '' }])[0]!;
