/** The session worker's entry (bundled as dist/worker.js): the extension host posts requests, this thread does the work. */
import { parentPort, workerData } from 'node:worker_threads';
import { diskScanCache } from '../cache/diskScanCache';
import { createSessionServer, type CacheFor } from './sessionServer';
import type { HostMessage, WorkerMessage } from './sessionProtocol';

export interface SessionWorkerData {
  /** Where the folders' scan caches are kept (the workspace's storage folder); no cache when absent. */
  cacheDir?: string;
}

async function main(): Promise<void> {
  const port = parentPort!;
  const post = (message: WorkerMessage) => port.postMessage(message);
  const { cacheDir } = (workerData ?? {}) as SessionWorkerData;
  const cacheFor: CacheFor = async (root) => {
    if (!cacheDir) return undefined;
    const cache = await diskScanCache(root, cacheDir);
    const problem = await cache.load();
    if (problem) post({ type: 'log', level: 'warn', message: `${problem.file}: ${problem.message}` });
    return cache;
  };
  const server = createSessionServer(post, cacheFor);
  port.on('message', (message: HostMessage) => void server.handle(message));
  port.postMessage({ type: 'log', level: 'debug', message: 'session worker ready' } satisfies WorkerMessage);
}

void main();
