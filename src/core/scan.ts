import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findAnnotations, languageOf, tagMatcher } from './annotations';
import { loadConfig } from './config';
import { pathFilter } from './files/excludes';
import { listFiles } from './files/listFiles';
import { readText } from './files/readText';
import { SCAN_FORMAT_VERSION, type AnnotationItem, type ScanResult, type SkippedFile, type Warning } from './model';
import { annotationIds } from './portfolio/ids';

export interface ScanOptions {
  /** Tags to look for; the team config's (or the default set) when absent. */
  tags?: readonly string[];
  /** List files by walking the tree even inside a git work tree. */
  noGit?: boolean;
  include?: readonly string[];
  exclude?: readonly string[];
  maxFileSizeBytes?: number;
  /** Files read at once. */
  concurrency?: number;
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

/** Names of skip reasons that are too common to list file by file; they are counted only. */
const COUNTED_ONLY = new Set<SkippedFile['reason']>(['excluded', 'language']);

/** Scans a folder for debt annotations. Throws only for a root that is not a readable folder, or on abort. */
export async function scan(rootPath: string, options: ScanOptions = {}, hooks: ScanHooks = {}): Promise<ScanResult> {
  const started = performance.now();
  const root = path.resolve(rootPath);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new ScanInputError(`${rootPath}: no such folder`);
  if (!info.isDirectory()) throw new ScanInputError(`${rootPath}: not a folder`);

  const { config, warnings: configWarnings } = await loadConfig(root);
  const tags = tagMatcher(options.tags ?? config.tags);
  const maxBytes = options.maxFileSizeBytes ?? config.maxFileSizeBytes;
  const filter = pathFilter(options.include ?? config.include, options.exclude ?? config.exclude);
  const listed = await listFiles(root, filter, { noGit: options.noGit, signal: hooks.signal });

  const warnings: Warning[] = [...configWarnings, ...listed.warnings];
  const skipped: SkippedFile[] = [...listed.skipped];
  const perFile: AnnotationItem[][] = new Array(listed.files.length);
  let bytesScanned = 0;
  let filesScanned = 0;
  let done = 0;
  let next = 0;

  const scanOne = async (index: number): Promise<void> => {
    const file = listed.files[index]!;
    const language = languageOf(file);
    if (!language) return void skipped.push({ file, reason: 'language' });
    const read = await readText(root, file, maxBytes);
    if (!read.ok) {
      skipped.push({ file, reason: read.reason });
      if (!COUNTED_ONLY.has(read.reason)) warnings.push({ file, code: `skip-${read.reason}`, message: `skipped: ${read.detail}` });
      return;
    }
    for (const note of read.notes) warnings.push({ file, code: 'encoding', message: note });
    filesScanned++;
    bytesScanned += read.bytes;
    const found = findAnnotations(read.text, language, file, tags);
    const ids = annotationIds(file, found);
    perFile[index] = found.map((a, k) => ({ id: ids[k]!, kind: 'annotation', tag: a.tag, text: a.text, meta: a.meta, file, line: a.line, column: a.column, endLine: a.endLine, language: language.id, warnings: a.warnings }));
  };

  const worker = async (): Promise<void> => {
    while (next < listed.files.length) {
      hooks.signal?.throwIfAborted();
      const index = next++;
      await scanOne(index);
      hooks.onProgress?.(++done, listed.files.length);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));

  const items = perFile.flat().filter(Boolean);
  for (const item of items) warnings.push(...item.warnings);
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counts: ScanResult['skipped'] = {};
  for (const { reason } of skipped) counts[reason] = (counts[reason] ?? 0) + 1;

  return {
    version: SCAN_FORMAT_VERSION,
    root,
    items,
    skipped: counts,
    skippedFiles: skipped.filter((s) => !COUNTED_ONLY.has(s.reason)),
    warnings: warnings.sort(byPlace),
    stats: { lister: listed.lister, filesListed: listed.files.length, filesScanned, bytesScanned, durationMs: Math.round(performance.now() - started) },
  };
}

function byPlace(a: Warning, b: Warning): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
