import { z } from 'zod';
import { version as toolVersion } from '../../../package.json';
import type { DebtItem, FileMeasure, Warning } from '../model';

/** Bumped whenever what a cache entry holds changes shape or meaning. */
export const SCAN_CACHE_FORMAT = 3;

/** The tool and cache format that wrote a cache file; any other is ignored. */
export const SCAN_CACHE_VERSION = `${toolVersion}+cache${SCAN_CACHE_FORMAT}`;

/** A file's items, file-level warnings, and what the file is (its health record is computed from it), as the scanner finds them and the cache keeps them. */
export interface FileItems {
  items: DebtItem[];
  warnings: Warning[];
  measure: FileMeasure;
}

/** Items already found, by file, content hash, tags and thresholds: a rescan of an unchanged file skips lexing and parsing. */
export interface ScanCache {
  get(key: string): FileItems | undefined;
  set(key: string, found: FileItems): void;
}

const line = z.number().int().positive();
const column = z.number().int().nonnegative();
const count = z.number().nonnegative();

const warningSchema = z.strictObject({ file: z.string(), line: line.optional(), column: column.optional(), code: z.string(), message: z.string() });

const metaSchema = z
  .object({
    owner: z.string().optional(),
    effort: z.string().optional(),
    impact: z.enum(['low', 'medium', 'high', 'critical']).optional(),
    incident: z.array(z.string()).optional(),
    ticket: z.string().optional(),
    due: z.string().optional(),
    kind: z.enum(['design', 'code', 'test', 'docs', 'deps', 'infra', 'security', 'performance']).optional(),
  })
  .catchall(z.union([z.string(), z.array(z.string())]));

const itemBase = { id: z.string(), file: z.string(), line, column, endLine: line, language: z.string(), warnings: z.array(warningSchema) };

const annotationSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('annotation'),
  tag: z.string(),
  text: z.string(),
  meta: metaSchema,
  enclosing: z.strictObject({ name: z.string(), cognitive: count }).optional(),
});

const hotspotSchema = z.strictObject({
  ...itemBase,
  kind: z.literal('hotspot'),
  name: z.string(),
  metrics: z.strictObject({ cyclomatic: count, cognitive: count, nesting: count, loc: count, params: count }),
});

const measureSchema = z.strictObject({ file: z.string(), lines: count, complexity: z.strictObject({ functions: count, cognitive: count, cyclomatic: count }).optional() });

const fileItemsSchema = z.strictObject({ items: z.array(z.discriminatedUnion('kind', [annotationSchema, hotspotSchema])), warnings: z.array(warningSchema), measure: measureSchema });

const headerSchema = z.object({ format: z.literal('debt-portfolio scan cache'), version: z.string(), root: z.string() });

const fileSchema = headerSchema.extend({ entries: z.record(z.string(), fileItemsSchema) });

export interface ParsedScanCache {
  entries: Map<string, FileItems>;
  /** Why the whole file was ignored; entries is then empty. */
  problem?: string;
}

const ignored = (problem: string): ParsedScanCache => ({ entries: new Map(), problem });

/** The entries of a scan cache file written by this version for `root`; none, and the problem, for anything else. */
export function parseScanCache(text: string, root: string): ParsedScanCache {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return ignored(`not JSON (${(error as Error).message}), truncated or overwritten`);
  }
  const header = headerSchema.safeParse(raw);
  if (!header.success) return ignored('not a debt-portfolio scan cache');
  if (header.data.version !== SCAN_CACHE_VERSION) return ignored(`written by version ${header.data.version}, this is ${SCAN_CACHE_VERSION}`);
  if (header.data.root !== root) return ignored(`for another folder (${header.data.root}), not ${root}`);
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) return ignored(`an entry does not hold scan results: ${describeIssue(parsed.error.issues[0]!)}`);
  return { entries: new Map(Object.entries(parsed.data.entries) as Array<[string, FileItems]>) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [, key, ...rest] = issue.path;
  const file = typeof key === 'string' ? key.split('\u0000')[0] : String(key);
  return `${file}${rest.length ? ` at ${rest.join('.')}` : ''}: ${issue.message}`;
}

/** The text of a scan cache file for `root`: a header naming the version and the folder, then the entries. */
export function serializeScanCache(entries: ReadonlyMap<string, FileItems>, root: string): string {
  return JSON.stringify({ format: 'debt-portfolio scan cache', version: SCAN_CACHE_VERSION, root, entries: Object.fromEntries(entries) });
}
