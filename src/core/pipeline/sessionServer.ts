import type { DiskScanCache } from '../cache/diskScanCache';
import { createSession, type PortfolioSession } from './session';
import { stateMessage, type CacheReport, type HostMessage, type HostRequest, type WorkerMessage } from './sessionProtocol';

/** A folder's scan cache, loaded; none when the host keeps no cache. */
export type CacheFor = (root: string) => Promise<DiskScanCache | undefined>;

/** Progress at most every 100 ms, and the last one: a message per file would keep the host's thread busy. */
function throttled(report: (done: number, total: number) => void): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done < total && now - last < 100) return;
    last = now;
    report(done, total);
  };
}

/**
 * Answers host messages with sessions, one per folder: the body of the session worker, and of any host that wants
 * the same behaviour in its own thread. Each request is answered once, with a state or an error; a live edit that
 * leaves lines undated is followed by a state dated with blame (id null).
 */
export function createSessionServer(post: (message: WorkerMessage) => void, cacheFor: CacheFor = async () => undefined): { handle(message: HostMessage): Promise<void> } {
  const sessions = new Map<string, PortfolioSession>();
  /** Each folder's cache, loaded once (a promise, so two first requests share one load). */
  const caches = new Map<string, Promise<DiskScanCache | undefined>>();
  const loaded = new Map<string, DiskScanCache>();
  const running = new Map<number, AbortController>();
  /** The blame pass that dates a live edit's lines, per folder: any newer request for the folder goes first. */
  const dating = new Map<string, AbortController>();
  const cacheReport = (root: string): CacheReport => {
    const file = loaded.get(root)?.file;
    return { hits: [...loaded.values()].reduce((sum, cache) => sum + cache.hits, 0), ...(file ? { file } : {}) };
  };
  const loadedCache = (root: string): Promise<DiskScanCache | undefined> => {
    if (!caches.has(root)) caches.set(root, cacheFor(root).then((cache) => (cache && loaded.set(root, cache), cache)));
    return caches.get(root)!;
  };
  const warn = (warning: { file: string; message: string } | undefined) => warning && post({ type: 'log', level: 'warn', message: `${warning.file}: ${warning.message}` });

  const sessionOf = async (request: HostRequest): Promise<PortfolioSession> => {
    const cache = await loadedCache(request.root);
    let session = sessions.get(request.root);
    if (!session || (request.type === 'rescan' && session.git !== request.git)) {
      session = createSession({ root: request.root, git: request.type === 'rescan' ? request.git : false, cache });
      sessions.set(request.root, session);
    }
    return session;
  };

  /** Dates the lines a live edit left undated, unless a newer request for the folder comes first. */
  function dateLater(root: string, session: PortfolioSession): void {
    const controller = new AbortController();
    dating.set(root, controller);
    setTimeout(() => {
      session
        .rescore({ signal: controller.signal })
        .then((state) => post(stateMessage(null, root, state, cacheReport(root))))
        .catch((error: unknown) => (error as Error).name === 'AbortError' || post({ type: 'log', level: 'warn', message: `${root}: dating lines failed: ${(error as Error).message}` }));
    }, 0);
  }

  /** A panel (the back-test, delivery) computed beside the queue of scans and edits. */
  async function answerPanel(request: Extract<HostRequest, { type: 'backtest' | 'delivery' }>): Promise<void> {
    try {
      const session = await sessionOf(request);
      if (request.type === 'backtest') post({ type: 'backtest', id: request.id, root: request.root, panel: await session.backtestPanel() });
      else post({ type: 'delivery', id: request.id, root: request.root, panel: await session.deliveryPanel() });
    } catch (error) {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', id: request.id, root: request.root, name, message });
    }
  }

  /** Reads the trend after a full scan and posts a state with it; a newer full scan of the folder (or forgetting it) stops it. */
  const trending = new Map<string, AbortController>();
  function trendLater(root: string, session: PortfolioSession): void {
    trending.get(root)?.abort();
    const controller = new AbortController();
    trending.set(root, controller);
    session
      .readTrend({ signal: controller.signal })
      .then((state) => post(stateMessage(null, root, state, cacheReport(root))))
      .catch((error: unknown) => (error as Error).name === 'AbortError' || post({ type: 'log', level: 'warn', message: `${root}: reading the trend failed: ${(error as Error).message}` }));
  }

  async function answer(request: HostRequest): Promise<void> {
    if (request.type === 'backtest' || request.type === 'delivery') return answerPanel(request);
    dating.get(request.root)?.abort();
    const controller = new AbortController();
    running.set(request.id, controller);
    try {
      const session = await sessionOf(request);
      const signal = controller.signal;
      const state = await (request.type === 'rescan'
        ? session.rescan({ signal, onProgress: throttled((done, total) => post({ type: 'progress', id: request.id, done, total })) }, request.extraTags)
        : request.type === 'replaceFiles'
          ? session.replaceFiles(request.changed, { signal })
          : request.type === 'rescore'
            ? session.rescore()
            : session.decide(request.item, request.change));
      post(stateMessage(request.id, request.root, state, cacheReport(request.root)));
      if (request.type === 'rescan') warn(await loaded.get(request.root)?.save());
      if (state.agesPending) dateLater(request.root, session);
      if (request.type === 'rescan') trendLater(request.root, session);
    } catch (error) {
      const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
      post({ type: 'error', id: request.id, root: request.root, name, message, ...(stack ? { stack } : {}) });
    } finally {
      running.delete(request.id);
    }
  }

  return {
    async handle(message) {
      if (message.type === 'cancel') running.get(message.id)?.abort();
      else if (message.type === 'forget') {
        trending.get(message.root)?.abort();
        sessions.delete(message.root);
      }
      else await answer(message);
    },
  };
}
