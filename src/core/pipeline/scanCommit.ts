import type { TeamConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { vendoredFiles } from '../files/vendored';
import { nulSeparatedNames } from '../files/fileNames';
import { blobsAt } from '../git/blobs';
import { gitOutput } from '../git/run';
import type { DebtItem, Warning } from '../model';
import { nonBlankLines } from '../text/lines';
import { fileItems, type ItemContext } from './fileItems';

/** What a commit scan found: the items, each file's non-blank line count (the file proxy reads it), and files it could not read. */
export interface CommitScan {
  items: DebtItem[];
  lines: Map<string, number>;
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
  const vendored = await vendoredFiles(root, files, config.vendored, { git: true });
  return files.filter((file) => !vendored.has(file));
}

/**
 * The items in a commit's tree, found exactly as a folder scan finds them (the same `fileItems`), without
 * checking the commit out. Hotspots only when the context asks for them (every TS/JS file is parsed then).
 */
export async function scanCommit(root: string, commit: string, config: TeamConfig, context: ItemContext): Promise<CommitScan> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`not a full commit id: ${commit}`);
  const warnings: Warning[] = [];
  const blobs = await blobsAt(root, commit, await filesAt(root, commit, config, context), { maxBytes: config.maxFileSizeBytes, onWarning: (warning) => warnings.push(warning) });
  const items: DebtItem[] = [];
  const lines = new Map<string, number>();
  for (const [file, text] of blobs) {
    items.push(...((await fileItems(file, text, context))?.items ?? []));
    lines.set(file, nonBlankLines(text));
  }
  return { items, lines, warnings };
}
