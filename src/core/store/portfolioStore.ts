import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { DebtFileError, pathInside, readDebtFile } from '../files/debtFolder';
import { removeDeadWritersTemps, stableStringify, writeFileAtomic } from './jsonFile';
import { acquireLock, type HeldLock } from './lock';
import { emptyPortfolio, MAX_STORE_BYTES, STORE_FILE, StoreError, StoreUnusableError, toCurrentSchema, validationError, type PortfolioData } from './schema';

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(?: |$)/m;

/** The store as last read or written: its text and the data behind it. */
interface Cached {
  text: string;
  data: PortfolioData;
}

/**
 * lowdb's adapter for the committed store: refuses (throws) on anything it cannot read
 * fully, so defaults are never written over a team's file; writes atomically with stable formatting.
 * A file whose text is what was last read or written is not parsed again.
 */
class GuardedJsonFile implements Adapter<PortfolioData> {
  cached: Cached | undefined;

  constructor(private readonly root: string) {}

  async read(): Promise<PortfolioData | null> {
    const text = this.readText();
    if (this.cached && this.cached.text === text) return this.cached.data;
    this.cached = undefined;
    if (text === undefined) return null;
    const data = parseStore(text);
    this.cached = { text, data };
    return data;
  }

  private readText(): string | undefined {
    try {
      return readDebtFile(this.root, STORE_FILE, MAX_STORE_BYTES);
    } catch (error) {
      if (error instanceof DebtFileError) throw new StoreUnusableError(STORE_FILE, error.reason);
      throw error;
    }
  }

  async write(data: PortfolioData, text = stableStringify(data), lock?: HeldLock): Promise<void> {
    const file = pathInside(this.root, STORE_FILE);
    await mkdir(path.dirname(file), { recursive: true });
    await removeDeadWritersTemps(file);
    this.cached = undefined;
    await writeFileAtomic(file, text, () => lock?.assertHeld());
    this.cached = { text, data };
  }
}

function parseStore(text: string): PortfolioData {
  const marker = CONFLICT_MARKER.exec(text);
  if (marker) throw new StoreUnusableError(STORE_FILE, `has unresolved merge conflict markers at line ${text.slice(0, marker.index).split('\n').length}`);
  if (text.trim() === '') throw new StoreUnusableError(STORE_FILE, 'is empty (truncated?)');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StoreUnusableError(STORE_FILE, `is not valid JSON: ${(error as Error).message}`);
  }
  return toCurrentSchema(raw, text, STORE_FILE);
}

export class StoreReadOnlyError extends StoreError {
  constructor(reason: string) {
    super(`the portfolio store is read-only until it is fixed: ${reason}`);
  }
}

/** A change that would leave a store the next read rejects: refused, nothing written. */
export class StoreChangeInvalidError extends StoreError {
  constructor(readonly reason: string) {
    super(`${STORE_FILE}: the change is not saved, it would make the store invalid: ${reason}`);
  }
}

/** The file system refused the write (full disk, read-only mount…): nothing was changed. */
export class StoreWriteError extends StoreError {}

export interface PortfolioStore {
  /** Path of the store file relative to the root. */
  readonly file: string;
  /** Why the store cannot be written, naming the file; undefined when it can. */
  readonly readOnly: string | undefined;
  /** The decisions as last read or written. */
  data(): PortfolioData;
  /**
   * Applies a change under a cross-process lock to the file as it is on disk now (re-read),
   * and writes it back only if something changed. Returns whether it wrote. The changed data is validated
   * with the schema every read uses before it is written (StoreChangeInvalidError).
   */
  update(change: (data: PortfolioData) => void): Promise<boolean>;
}

/** How long a writer waits for one holder of the lock: 5 s, plus the time a large store's write may take. */
const lockPatienceMs = (storeBytes: number): number => 5_000 + storeBytes / 2_000;

/** A file-system error of a write as a one-line store error; the change's own errors pass through. */
function asStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (error instanceof DebtFileError) return new StoreWriteError(`${error.message}; the change is not saved`);
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? error : new StoreWriteError(`${STORE_FILE}: cannot be written (${(error as Error).message}); the change is not saved`);
}

export async function openStore(root: string): Promise<PortfolioStore> {
  const absolute = path.join(root, STORE_FILE);
  const adapter = new GuardedJsonFile(root);
  const db = new Low<PortfolioData>(adapter, emptyPortfolio());
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

  const changeUnderLock = async (change: (data: PortfolioData) => void, lock: HeldLock): Promise<boolean> => {
    await load();
    const before = JSON.stringify(db.data);
    try {
      change(db.data);
    } finally {
      adapter.cached = undefined;
    }
    if (JSON.stringify(db.data) === before) return false;
    const after = stableStringify(db.data);
    const invalid = validationError(db.data, after);
    if (invalid) throw new StoreChangeInvalidError(invalid);
    await adapter.write(db.data, after, lock);
    return true;
  };

  return {
    file: STORE_FILE,
    get readOnly() {
      return readOnly;
    },
    data: () => db.data,
    async update(change) {
      if (readOnly) throw new StoreReadOnlyError(readOnly);
      try {
        await mkdir(path.dirname(pathInside(root, STORE_FILE)), { recursive: true });
        const size = await stat(absolute).then((s) => s.size, () => 0);
        const lock = await acquireLock(absolute, STORE_FILE, lockPatienceMs(size));
        try {
          return await changeUnderLock(change, lock);
        } finally {
          await lock.release();
        }
      } catch (error) {
        throw asStoreError(error);
      }
    },
  };
}
