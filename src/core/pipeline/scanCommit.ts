import type { TeamConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { vendoredFiles } from '../files/vendored';
import { nulSeparatedNames } from '../files/fileNames';
import { blobsAt } from '../git/blobs';
import { gitOutput } from '../git/run';
import { tagMatcher } from '../annotations';
import { SCAN_FORMAT_VERSION, type DebtItem, type FileMeasure, type ScanResult, type Warning } from '../model';
import { fileItems, itemContextOf, type ItemContext } from './fileItems';
import type { ScanCache } from '../cache/scanCacheFile';
import { cacheKey } from './scanFolder';

/** What a commit scan found: the items, each source file's measure (lines, and complexity when parsed), and files it could not read. */
export interface CommitScan {
  items: DebtItem[];
  measures: Map<string, FileMeasure>;
  warnings: Warning[];
}

const escapeTag = (tag: string): string => tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The files of a commit's tree the scan reads: with hotspots, every one; else those `git grep` finds a tag in. */
async function filesAt(root: string, commit: string, config: TeamConfig, context: ItemContext): Promise<string[]> {
  const args = context.hotspots
    ? ['ls-tree', '-r', '-z', '--name-only', commit, '--']
    : ['grep', '-l', '-z', '-I', '--no-textconv', '-E', '-e', config.tags.map(escapeTag).join('|'), commit, '--'];
  const listed = await gitOutput(root, args, { timeoutMs: 120_000, okCodes: context.hotspots ? [0] : [0, 1] });
  const prefix = context.hotspots ? '' : `${commit}:`;
  const filter = pathFilter(config.include, config.exclude);
  const files = nulSeparatedNames(listed.stdout)
    .map((name) => name.slice(prefix.length))
    .filter((file) => filter.accepts(file));
  const vendored = await vendoredFiles(root, files, config.vendored, { git: true, commit });
  return files.filter((file) => !vendored.has(file));
}

/**
 * The items in a commit's tree, found exactly as a folder scan finds them (the same `fileItems`), without
 * checking the commit out. Hotspots only when the context asks for them (every TS/JS file is parsed then).
 */
export async function scanCommit(root: string, commit: string, config: TeamConfig, context: ItemContext, options: { cache?: ScanCache } = {}): Promise<CommitScan> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`not a full commit id: ${commit}`);
  const warnings: Warning[] = [];
  const blobs = await blobsAt(root, commit, await filesAt(root, commit, config, context), { maxBytes: config.maxFileSizeBytes, onWarning: (warning) => warnings.push(warning) });
  const items: DebtItem[] = [];
  const measures = new Map<string, FileMeasure>();
  for (const [file, text] of blobs) {
    const key = options.cache && cacheKey(file, context, text);
    const found = (key ? options.cache!.get(key) : undefined) ?? (await fileItems(file, text, context));
    if (!found) continue;
    if (key) options.cache!.set(key, found);
    items.push(...found.items);
    measures.set(file, found.measure);
  }
  return { items, measures, warnings };
}

/** A commit's items as a scan result (`--as-of`): the files as they were, read from git, no checkout. */
export async function scanResultAt(root: string, commit: string, config: TeamConfig, options: { tags?: readonly string[]; complexity: boolean }): Promise<ScanResult> {
  const started = performance.now();
  const scan = await scanCommit(root, commit, config, itemContextOf(tagMatcher(options.tags ?? config.tags), config, options.complexity));
  const stats = { lister: 'git' as const, filesListed: scan.measures.size, filesScanned: scan.measures.size, bytesScanned: 0, durationMs: Math.round(performance.now() - started) };
  return { version: SCAN_FORMAT_VERSION, root, items: scan.items, files: [...scan.measures.values()], skipped: {}, skippedFiles: [], warnings: scan.warnings, stats };
}
