import { loadConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { listFiles } from '../files/listFiles';
import { readText } from '../files/readText';
import type { SkippedFile, Warning } from '../model';
import { resolveFolder, skipWarnings } from './scanFolder';
import { analyzeSource, COMPLEXITY_EXTENSIONS, type FileTotals } from '../complexity/analyze';
import type { FunctionRecord } from '../complexity/records';
import { loadTypeScript } from '../complexity/typescript';

export const METRICS_FORMAT_VERSION = 1;

/** One function-like record of a folder, as `metrics --format json` prints it. */
export type MeasuredFunction = { file: string } & Omit<FunctionRecord, 'cognitiveAt'>;

export interface FolderMetrics {
  version: typeof METRICS_FORMAT_VERSION;
  root: string;
  functions: MeasuredFunction[];
  files: Array<{ file: string } & FileTotals>;
  skippedFiles: SkippedFile[];
  warnings: Warning[];
}

const YIELD_EVERY = 16;

/** Every function-like record of the TS/JS files of a folder, listed as `scan` lists them (team config, git or walk). */
export async function measureFolder(rootPath: string, options: { noGit?: boolean } = {}, hooks: { onProgress?: (done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<FolderMetrics> {
  const root = await resolveFolder(rootPath);
  const { config, warnings: configWarnings } = await loadConfig(root);
  const listed = await listFiles(root, pathFilter(config.include, config.exclude), { noGit: options.noGit, signal: hooks.signal });
  const files = listed.files.filter((file) => COMPLEXITY_EXTENSIONS.test(file));
  const result: FolderMetrics = { version: METRICS_FORMAT_VERSION, root, functions: [], files: [], skippedFiles: [], warnings: [...configWarnings, ...listed.warnings] };
  if (files.length === 0) return result;
  const ts = await loadTypeScript();
  for (const [index, file] of files.entries()) {
    hooks.signal?.throwIfAborted();
    const read = readText(root, file, config.maxFileSizeBytes);
    if (read.ok) {
      const analysis = analyzeSource(ts, file, read.text);
      for (const { cognitiveAt, ...record } of analysis.records) result.functions.push({ file, ...record });
      result.files.push({ file, ...analysis.totals });
      result.warnings.push(...analysis.warnings);
    } else {
      result.skippedFiles.push({ file, reason: read.reason, why: read.detail });
      result.warnings.push(...skipWarnings(file, read));
    }
    hooks.onProgress?.(index + 1, files.length);
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  return result;
}
