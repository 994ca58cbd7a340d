import type { FileItems, ScanCache } from './scanCacheFile';

/** A scan cache in memory that knows which entries the current run used, so that a save keeps only those. */
export interface TrackedScanCache extends ScanCache {
  /** Lookups answered from the cache since it was made. */
  readonly hits: number;
  /** Starts over from these entries (what a load read). */
  replace(entries: Map<string, FileItems>): void;
  /** The entries used since the last replace or take, which become the cache's only entries. */
  takeUsed(): Map<string, FileItems>;
}

export function trackedScanCache(): TrackedScanCache {
  let entries = new Map<string, FileItems>();
  let used = new Map<string, FileItems>();
  let hits = 0;
  return {
    get hits() {
      return hits;
    },
    get(key) {
      const found = entries.get(key) ?? used.get(key);
      if (found) {
        hits++;
        used.set(key, found);
      }
      return found;
    },
    set(key, found) {
      used.set(key, found);
    },
    replace(loaded) {
      entries = loaded;
      used = new Map();
    },
    takeUsed() {
      entries = used;
      used = new Map();
      return entries;
    },
  };
}
