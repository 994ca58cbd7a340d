import { tagMatcher } from '../annotations/grammar';
import type { TeamConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { nulSeparatedNames } from '../files/fileNames';
import { blobsAt } from '../git/blobs';
import { gitOutput } from '../git/run';
import type { AnnotationItem } from '../model';
import { annotationItemsOf } from '../scan';

/** The annotations in a commit's tree (as the scanner would find them there), without checking it out. */
export async function annotationsAtCommit(root: string, commit: string, config: TeamConfig): Promise<{ items: AnnotationItem[]; lines: Map<string, number> }> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new Error(`not a full commit id: ${commit}`);
  const tags = tagMatcher(config.tags);
  const pattern = config.tags.map((tag) => tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const grep = await gitOutput(root, ['grep', '-l', '-z', '-I', '--no-textconv', '-E', '-e', pattern, commit, '--'], { timeoutMs: 120_000, okCodes: [0, 1] });
  const filter = pathFilter(config.include, config.exclude);
  const files = nulSeparatedNames(grep.stdout)
    .map((name) => name.slice(commit.length + 1))
    .filter((file) => filter.accepts(file));
  const blobs = await blobsAt(root, commit, files, { maxBytes: config.maxFileSizeBytes });
  const items: AnnotationItem[] = [];
  const lines = new Map<string, number>();
  for (const [file, text] of blobs) {
    if (text.length > config.maxFileSizeBytes) continue;
    items.push(...(annotationItemsOf(file, text, tags) ?? []));
    lines.set(file, text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length);
  }
  return { items, lines };
}
