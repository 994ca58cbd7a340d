import * as vscode from 'vscode';
import type { FileItems, ScanCache } from '../core/scan';

const FILE = 'scan-cache-v2.json';

/** The scan cache kept in workspace storage, so a window reopened on the same files does not lex or parse them again. */
export interface PersistentScanCache extends ScanCache {
  readonly file: vscode.Uri | undefined;
  /** Lookups answered from the cache since activation. */
  readonly hits: number;
  load(): Promise<void>;
  /** Writes the entries used since the last save (older ones are dropped). */
  save(): Promise<void>;
}

export function persistentScanCache(storage: vscode.Uri | undefined, log: vscode.LogOutputChannel): PersistentScanCache {
  const file = storage && vscode.Uri.joinPath(storage, FILE);
  let entries = new Map<string, FileItems>();
  let used = new Map<string, FileItems>();
  let hits = 0;
  return {
    file,
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
    async load() {
      if (!file) return;
      try {
        const raw = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8')) as unknown;
        if (raw && typeof raw === 'object' && !Array.isArray(raw)) entries = new Map(Object.entries(raw as Record<string, FileItems>));
      } catch (error) {
        if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) log.warn(`scan cache ignored: ${(error as Error).message}`);
      }
    },
    async save() {
      if (!file || !storage) return;
      entries = used;
      used = new Map();
      try {
        await vscode.workspace.fs.createDirectory(storage);
        await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(Object.fromEntries(entries))));
      } catch (error) {
        log.warn(`scan cache not saved: ${(error as Error).message}`);
      }
    },
  };
}
