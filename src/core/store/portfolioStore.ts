import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import lockfile from 'proper-lockfile';
import { stableStringify, writeFileAtomic } from './jsonFile';
import { emptyPortfolio, STORE_FILE, StoreUnusableError, toCurrentSchema, type PortfolioData } from './schema';

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;

/**
 * lowdb's adapter for the committed store: refuses (throws) on anything it cannot read
 * fully, so defaults are never written over a team's file; writes atomically with stable formatting.
 */
class GuardedJsonFile implements Adapter<PortfolioData> {
  constructor(
    private readonly file: string,
    private readonly name: string,
  ) {}

  async read(): Promise<PortfolioData | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreUnusableError(this.name, `cannot be read: ${(error as Error).message}`);
    }
    const marker = CONFLICT_MARKER.exec(text);
    if (marker) throw new StoreUnusableError(this.name, `has unresolved merge conflict markers at line ${text.slice(0, marker.index).split('\n').length}`);
    if (text.trim() === '') throw new StoreUnusableError(this.name, 'is empty (truncated?)');
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new StoreUnusableError(this.name, `is not valid JSON: ${(error as Error).message}`);
    }
    return toCurrentSchema(raw, this.name);
  }

  async write(data: PortfolioData): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, stableStringify(data));
  }
}

export class StoreReadOnlyError extends Error {
  constructor(reason: string) {
    super(`the portfolio store is read-only until it is fixed: ${reason}`);
    this.name = 'StoreReadOnlyError';
  }
}

export interface PortfolioStore {
  /** Path of the store file relative to the root. */
  readonly file: string;
  /** Why the store cannot be written, naming the file; undefined when it can. */
  readonly readOnly: string | undefined;
  /** The decisions as last read or written. */
  data(): PortfolioData;
  /**
   * Applies a change under a cross-process lock to the file as it is on disk now (re-read),
   * and writes it back only if something changed. Returns whether it wrote.
   */
  update(change: (data: PortfolioData) => void): Promise<boolean>;
}

const LOCK_OPTIONS = { realpath: false, stale: 10_000, retries: { retries: 200, factor: 1.3, minTimeout: 5, maxTimeout: 200, randomize: true } };

export async function openStore(root: string): Promise<PortfolioStore> {
  const absolute = path.join(root, STORE_FILE);
  const db = new Low<PortfolioData>(new GuardedJsonFile(absolute, STORE_FILE), emptyPortfolio());
  let readOnly: string | undefined;

  const load = async (): Promise<void> => {
    db.data = emptyPortfolio();
    try {
      await db.read();
    } catch (error) {
      if (!(error instanceof StoreUnusableError)) throw error;
      readOnly = error.message;
      throw new StoreReadOnlyError(readOnly);
    }
  };
  await load().catch((error: unknown) => {
    if (!(error instanceof StoreReadOnlyError)) throw error;
  });

  return {
    file: STORE_FILE,
    get readOnly() {
      return readOnly;
    },
    data: () => db.data,
    async update(change) {
      if (readOnly) throw new StoreReadOnlyError(readOnly);
      await mkdir(path.dirname(absolute), { recursive: true });
      const release = await lockfile.lock(absolute, LOCK_OPTIONS);
      try {
        await load();
        const before = stableStringify(db.data);
        change(db.data);
        if (stableStringify(db.data) === before) return false;
        await db.write();
        return true;
      } finally {
        await release();
      }
    },
  };
}
