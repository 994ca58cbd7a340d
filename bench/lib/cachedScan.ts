/**
 * One scan as the CLI will run it with its disk cache (load, scan, save), for the warm re-scan benchmark while the
 * CLI has no cache of its own. Usage: node cachedScan.js <folder> [--no-complexity]; the cache folder comes from
 * DEBT_PORTFOLIO_CACHE_DIR. Prints { items, hits, warnings } as JSON.
 */
import { diskScanCache } from '../../src/core/cache/diskScanCache';
import { scanFolder } from '../../src/core/pipeline/scanFolder';

async function main(): Promise<void> {
  const [root, ...flags] = process.argv.slice(2);
  if (!root) throw new Error('usage: cachedScan <folder> [--no-complexity]');
  const cache = await diskScanCache(root);
  const loaded = await cache.load();
  const result = await scanFolder(root, { noGit: true, complexity: !flags.includes('--no-complexity'), cache });
  const saved = await cache.save();
  process.stdout.write(JSON.stringify({ items: result.items.length, hits: cache.hits, warnings: [loaded, saved].filter(Boolean) }));
}

void main();
