import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { languageOf, tagMatcher } from '../annotations';
import type { ScanCache } from '../cache/scanCacheFile';
import { COMPLEXITY_EXTENSIONS } from '../complexity/analyze';
import { loadConfig, type LoadedConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { listFiles, type FileList } from '../files/listFiles';
import { readText, type ReadOutcome } from '../files/readText';
import { vendoredFiles } from '../files/vendored';
import { SCAN_FORMAT_VERSION, type DebtItem, type FileMeasure, type ScanResult, type SkippedFile, type Warning } from '../model';
import { contextKey, fileItems, itemContextOf, type ItemContext } from './fileItems';

export interface ScanOptions {
  /** The team config, when the caller has read it already (read once per operation); else it is read here. */
  config?: LoadedConfig;
  /** Reuse the annotations of files whose content has not changed (the extension keeps this across windows). */
  cache?: ScanCache;
  /** Tags to look for; the team config's (or the default set) when absent. */
  tags?: readonly string[];
  /** List files by walking the tree even inside a git work tree. */
  noGit?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
  maxFileSizeBytes?: number;
  /** Measure TS/JS functions and report hotspots (default true). */
  complexity?: boolean;
}

export interface ScanHooks {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export class ScanInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanInputError';
  }
}

/** The absolute path of a folder to scan; a ScanInputError when it is missing or not a folder. */
export async function resolveFolder(rootPath: string): Promise<string> {
  const root = path.resolve(rootPath);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new ScanInputError(`${rootPath}: no such folder`);
  if (!info.isDirectory()) throw new ScanInputError(`${rootPath}: not a folder`);
  return root;
}

/** Files scanned between yields to the event loop (for cancellation and progress). */
const YIELD_EVERY = 64;

/** Names of skip reasons that are too common to list file by file; they are counted only. */
const COUNTED_ONLY = new Set<SkippedFile['reason']>(['excluded', 'language']);

/** Skips that are expected (a minified SVG, an image with a code extension): listed with why, not warned about. */
const NOT_WARNED = new Set<SkippedFile['reason']>([...COUNTED_ONLY, 'binary', 'minified']);

export interface FileScan {
  items: DebtItem[];
  /** Set when the file was not scanned. */
  skipped?: SkippedFile;
  /** File-level warnings (skips, encodings); the items carry their own. */
  warnings: Warning[];
  /** Bytes read, when the file was scanned. */
  bytes?: number;
  /** What the file is, when it was scanned. */
  measure?: FileMeasure;
}

/** The warning naming a file that was not read; none for expected skips (see NOT_WARNED). */
export function skipWarnings(file: string, read: Extract<ReadOutcome, { ok: false }>): Warning[] {
  return NOT_WARNED.has(read.reason) ? [] : [{ file, code: `skip-${read.reason}`, message: `skipped: ${read.detail}` }];
}

/** A file's cache key: its name, what of the context changes its items, and its content's hash. */
export const cacheKey = (file: string, context: ItemContext, text: string): string => `${file}\u0000${contextKey(context)}\u0000${createHash('sha1').update(text).digest('hex')}`;

/** Scans one file (a POSIX path relative to root); never throws for a bad file. */
export async function scanFile(root: string, file: string, context: ItemContext & { maxBytes: number; cache?: ScanCache }): Promise<FileScan> {
  if (!languageOf(file)) return { items: [], skipped: { file, reason: 'language' }, warnings: [] };
  const parsed = context.parse && COMPLEXITY_EXTENSIONS.test(file);
  const read = parsed ? readText(root, file, context.maxBytes) : readText(root, file, context.maxBytes, { mayHoldTag: context.tags.inBytes });
  if (!read.ok) return { items: [], skipped: { file, reason: read.reason, why: read.detail }, warnings: skipWarnings(file, read) };
  if (read.tagless) return { items: [], warnings: [], bytes: read.bytes, measure: { file, lines: read.lines } };
  const key = context.cache && cacheKey(file, context, read.text);
  const found = (key ? context.cache!.get(key) : undefined) ?? (await fileItems(file, read.text, context))!;
  if (key) context.cache!.set(key, found);
  return { items: found.items, warnings: [...read.notes.map((note) => ({ file, code: 'encoding', message: note })), ...found.warnings], bytes: read.bytes, measure: found.measure };
}

/** Scans a folder for debt annotations and, in TS/JS, complexity hotspots. Throws only for a root that is not a readable folder, or on abort. */
export async function scanFolder(rootPath: string, options: ScanOptions = {}, hooks: ScanHooks = {}): Promise<ScanResult> {
  const started = performance.now();
  const root = await resolveFolder(rootPath);

  const { config, warnings: configWarnings } = options.config ?? (await loadConfig(root));
  const context = itemContextOf(tagMatcher(options.tags ?? config.tags), config, options.complexity !== false);
  const maxBytes = options.maxFileSizeBytes ?? config.maxFileSizeBytes;
  const filter = pathFilter(options.include ?? config.include, options.exclude ?? config.exclude);
  const listing = await listFiles(root, filter, { noGit: options.noGit, signal: hooks.signal });
  const listed = withoutVendored(listing, await vendoredFiles(root, listing.files, config.vendored, { git: listing.lister === 'git', signal: hooks.signal }));

  const warnings: Warning[] = [...configWarnings, ...listed.warnings];
  const skipped: SkippedFile[] = [...listed.skipped];
  const perFile: DebtItem[][] = new Array(listed.files.length);
  const measures: FileMeasure[] = new Array(listed.files.length);
  let bytesScanned = 0;
  let filesScanned = 0;
  let done = 0;

  const scanOne = async (index: number): Promise<void> => {
    const outcome = await scanFile(root, listed.files[index]!, { ...context, maxBytes, cache: options.cache });
    if (outcome.skipped) skipped.push(outcome.skipped);
    warnings.push(...outcome.warnings);
    if (outcome.bytes === undefined) return;
    filesScanned++;
    bytesScanned += outcome.bytes;
    perFile[index] = outcome.items;
    measures[index] = outcome.measure!;
  };

  for (let index = 0; index < listed.files.length; index++) {
    hooks.signal?.throwIfAborted();
    await scanOne(index);
    hooks.onProgress?.(++done, listed.files.length);
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }

  const items = perFile.flat().filter(Boolean);
  for (const item of items) warnings.push(...item.warnings);
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counts: ScanResult['skipped'] = {};
  for (const { reason } of skipped) counts[reason] = (counts[reason] ?? 0) + 1;

  return {
    version: SCAN_FORMAT_VERSION,
    root,
    items,
    files: measures.filter(Boolean),
    skipped: counts,
    skippedFiles: skipped.filter((s) => !COUNTED_ONLY.has(s.reason)),
    warnings: warnings.sort(byPlace),
    stats: { lister: listed.lister, filesListed: listed.files.length, filesScanned, bytesScanned, durationMs: Math.round(performance.now() - started) },
  };
}

/** The listing with its vendored files moved to the skipped ones, each with why. */
function withoutVendored(listed: FileList, vendored: ReadonlyMap<string, string>): FileList {
  if (vendored.size === 0) return listed;
  const skipped = [...vendored].map(([file, why]) => ({ file, reason: 'vendored' as const, why }));
  return { ...listed, files: listed.files.filter((file) => !vendored.has(file)), skipped: [...listed.skipped, ...skipped] };
}

function byPlace(a: Warning, b: Warning): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
