import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, lstat, readFile, rename, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { StoreError } from './schema';

/** Who holds a lock: written into the lock file when it is taken. */
interface Holder {
  pid: number;
  host: string;
  since: string;
  token: string;
}

interface LockState {
  holder: Holder | undefined;
  mtimeMs: number;
  folder: boolean;
}

/** A lock whose holder neither finishes nor proves dead within the patience. */
export class LockHeldError extends StoreError {}

/** The lock was taken over while held (its holder was judged gone): nothing was written. */
export class LockLostError extends StoreError {}

export interface HeldLock {
  /** Throws LockLostError unless the lock file is still this holder's. */
  assertHeld(): void;
  release(): Promise<void>;
}

/** A lock of unknown holder (being created, or a folder from proper-lockfile) is stale once this old. */
const UNKNOWN_STALE_MS = 30_000;
/** A holder on another host is stale once its lock has not been refreshed for this long. */
const REMOTE_STALE_MS = 60_000;
const REFRESH_MS = 5_000;
/** A lock dated further than this in the future has a holder who set the clock, not a heartbeat. */
const FUTURE_SLACK_MS = 5_000;

/** The temp names a writer uses beside `target`, ending in `.<pid>.<hex>.tmp`; the pid says whether the writer lives. */
export const tempName = (target: string, kind = ''): string =>
  path.join(path.dirname(target), `.${path.basename(target)}${kind}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);

export function processLives(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseHolder(text: string): Holder | undefined {
  try {
    const raw = JSON.parse(text) as Partial<Holder>;
    return Number.isSafeInteger(raw.pid) && typeof raw.host === 'string' && typeof raw.token === 'string' ? (raw as Holder) : undefined;
  } catch {
    return undefined;
  }
}

async function stateOf(lockPath: string): Promise<LockState | undefined> {
  try {
    const stats = await lstat(lockPath);
    const holder = stats.isFile() ? parseHolder(await readFile(lockPath, 'utf8')) : undefined;
    return { holder, mtimeMs: stats.mtimeMs, folder: stats.isDirectory() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(state: LockState, now: number): boolean {
  const { holder, mtimeMs } = state;
  if (holder && holder.host === hostname()) return !processLives(holder.pid);
  if (mtimeMs > now + FUTURE_SLACK_MS) return true;
  return now - mtimeMs > (holder ? REMOTE_STALE_MS : UNKNOWN_STALE_MS);
}

/** Creates the lock file with its holder already inside (a temp file hard-linked to the lock's name): atomic. */
async function tryCreate(target: string, holder: Holder): Promise<boolean> {
  const lockPath = `${target}.lock`;
  const temp = tempName(target, '.lock');
  await writeFile(temp, JSON.stringify(holder), { flag: 'wx' });
  try {
    await link(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp);
  }
}

/** Moves a stale lock aside and deletes it; one taken meanwhile by someone else is put back. */
async function removeStale(target: string, stale: LockState): Promise<void> {
  const lockPath = `${target}.lock`;
  const aside = tempName(target, '.lock');
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await stateOf(aside);
  if (moved && !moved.folder && moved.holder?.token !== stale.holder?.token) await link(aside, lockPath).catch(() => undefined);
  await rm(aside, { recursive: true, force: true });
}

function describeHolder(display: string, state: LockState): string {
  const { holder } = state;
  const dated = new Date(state.mtimeMs).toISOString();
  if (!holder) return `${display}.lock is held (${state.folder ? 'a lock folder' : 'a lock file'} of unknown holder, dated ${dated})`;
  return `${display}.lock is held by process ${holder.pid} on ${holder.host} since ${holder.since}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `<target>.lock`. A lock whose holder is dead (same host), dated in the future, or not refreshed for long
 * is taken over; a live holder is waited for while it keeps the same lock for at most `patienceMs`, then
 * LockHeldError names the lock and its holder. `display` is the target as the user knows it.
 */
export async function acquireLock(target: string, display: string, patienceMs: number): Promise<HeldLock> {
  const lockPath = `${target}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  let waiting: { on: string; since: number } | undefined;
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(target, me)) return heldLock(lockPath, display, me);
    const state = await stateOf(lockPath);
    if (!state) continue;
    const now = Date.now();
    if (isStale(state, now)) {
      await removeStale(target, state);
      continue;
    }
    const on = state.holder?.token ?? `unknown ${state.mtimeMs}`;
    if (waiting?.on !== on) waiting = { on, since: now };
    else if (now - waiting.since > patienceMs) throw new LockHeldError(`${describeHolder(display, state)}; try again when it is done (delete the lock only if that process is not running)`);
    await sleep(Math.min(100, 5 * 2 ** attempt) * (0.5 + Math.random()));
  }
}

function heldLock(lockPath: string, display: string, me: Holder): HeldLock {
  const refresh = setInterval(() => {
    const now = new Date();
    utimes(lockPath, now, now).catch(() => undefined);
  }, REFRESH_MS);
  refresh.unref();
  const mine = (): boolean => {
    try {
      return parseHolder(readFileSync(lockPath, 'utf8'))?.token === me.token;
    } catch {
      return false;
    }
  };
  return {
    assertHeld() {
      if (!mine()) throw new LockLostError(`${display}.lock was taken over by another process while this one held it; nothing was written, try again`);
    },
    async release() {
      clearInterval(refresh);
      if (mine()) await unlink(lockPath).catch(() => undefined);
    },
  };
}
