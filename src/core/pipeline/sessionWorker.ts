/** The session worker's entry (bundled as dist/worker.js): the extension host posts requests, this thread does the work. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileItems } from './fileItems';
import { createSessionServer, type ServedCache } from './sessionServer';
import type { HostMessage, WorkerMessage } from './sessionProtocol';

export interface SessionWorkerData {
  /** Where the scan cache is kept (the workspace's storage folder); no cache when absent. */
  cacheDir?: string;
}

const CACHE_FILE = 'scan-cache-v2.json';

/** The scan cache in one JSON file: entries used since the last save are kept, the rest dropped. */
async function fileCache(dir: string, log: (message: string) => void): Promise<ServedCache> {
  const file = path.join(dir, CACHE_FILE);
  let entries = new Map<string, FileItems>();
  let used = new Map<string, FileItems>();
  let hits = 0;
  try {
    const raw = JSON.parse(await readFile(file, 'utf8')) as unknown;
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) entries = new Map(Object.entries(raw as Record<string, FileItems>));
    else log(`${file}: not a scan cache; ignored`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log(`${file}: ignored (${(error as Error).message})`);
  }
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
    async save() {
      entries = used;
      used = new Map();
      try {
        await mkdir(dir, { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify(Object.fromEntries(entries)));
        await rename(temp, file);
      } catch (error) {
        log(`scan cache not saved: ${(error as Error).message}`);
      }
    },
  };
}

async function main(): Promise<void> {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const { cacheDir } = (workerData ?? {}) as SessionWorkerData;
  const cache = cacheDir ? await fileCache(cacheDir, (message) => post({ type: 'log', level: 'warn', message })) : undefined;
  const server = createSessionServer(post, cache);
  port.on('message', (message: HostMessage) => void server.handle(message));
  port.postMessage({ type: 'log', level: 'debug', message: 'session worker ready' } satisfies WorkerMessage);
}

void main();
