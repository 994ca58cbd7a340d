import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vscode from 'vscode';
import type { SessionState } from '../core/pipeline/session';
import type { DashboardBacktest } from '../shared/dashboard';
import type { DashboardDelivery } from '../shared/delivery';
import { stateOfMessage, type CacheReport, type HostMessage, type HostRequest, type StateMessage, type WorkerMessage } from '../core/pipeline/sessionProtocol';
import type { SessionWorkerData } from '../core/pipeline/sessionWorker';

/** A state from the worker, for the folder it belongs to. */
export interface FolderState {
  root: string;
  state: SessionState;
}

/** An error the worker answered a request with, under its own name (e.g. a read-only store's StoreReadOnlyError). */
export class SessionError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

type RequestBody = HostRequest extends infer R ? (R extends Exclude<HostRequest, { type: 'backtest' | 'delivery' }> ? Omit<R, 'id'> : never) : never;

export interface SessionClient extends vscode.Disposable {
  /** Every state the worker sends: answers and later, dated ones. */
  readonly onState: vscode.Event<FolderState>;
  /** Fires when a worker that died was started again: it knows no folder until each is rescanned. */
  readonly onRestart: vscode.Event<void>;
  readonly cache: CacheReport;
  request(body: RequestBody, hooks?: { token?: vscode.CancellationToken; onProgress?: (done: number, total: number) => void }): Promise<SessionState>;
  /** The folder's back-test panel (computed in the worker once per HEAD commit). */
  backtest(root: string): Promise<DashboardBacktest>;
  /** The folder's Delivery section (computed in the worker once per HEAD commit); null when its history is off. */
  delivery(root: string): Promise<DashboardDelivery | null>;
  post(message: HostMessage): void;
  /** Stops the worker and starts a new one (a changed memory limit, say), which may again be restarted once. */
  restart(reason: string): void;
}

/**
 * Measured with Node 24.21 (VS Code 1.139's extension host): without an explicit young-generation limit, the second
 * worker in a process to reach its heap limit aborted the whole process ("Fatal process out of memory"); with one,
 * three workers in a row ran out of memory and the process lived.
 */
const YOUNG_GENERATION_MB = 48;

/** The worker's heap limit in MB (`debtPortfolio.workerMemoryMb`): a runaway parse stops the worker, not the editor. */
export const workerMemoryMb = (): number => vscode.workspace.getConfiguration('debtPortfolio').get<number>('workerMemoryMb', 2048);

interface Pending {
  resolve(answer: never): void;
  reject(error: Error): void;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the sessions in a worker thread (dist/worker.js) so scans, parses, git and scoring never hold the extension
 * host's event loop. A worker that dies is started again once and the death is logged; after a second one every
 * request fails with a message that says so.
 */
export function createSessionClient(extensionPath: string, data: SessionWorkerData, log: vscode.LogOutputChannel): SessionClient {
  const stateEmitter = new vscode.EventEmitter<FolderState>();
  const restartEmitter = new vscode.EventEmitter<void>();
  const pending = new Map<number, Pending>();
  let cache: CacheReport = { hits: 0 };
  let nextId = 1;
  let restarts = 0;
  let disposed = false;
  let worker: Worker | undefined = start();

  function start(): Worker {
    const started = new Worker(path.join(extensionPath, 'dist', 'worker.js'), { workerData: data, resourceLimits: { maxOldGenerationSizeMb: workerMemoryMb(), maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    started.on('message', (message: WorkerMessage) => receive(message));
    started.on('error', (error) => log.error(`session worker failed: ${(error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory (debtPortfolio.workerMemoryMb is ${workerMemoryMb()} MB)` : (error.stack ?? error.message)}`));
    started.on('exit', (code) => stopped(started, code));
    return started;
  }

  function failPending(message: string): void {
    for (const [, request] of pending) request.reject(new SessionError('WorkerStopped', message));
    pending.clear();
  }

  function stopped(which: Worker, code: number): void {
    if (disposed || which !== worker) return;
    failPending(`the session worker stopped (exit code ${code}); the last good portfolio stays shown`);
    if (restarts >= 1) {
      worker = undefined;
      log.error(`session worker stopped again (exit code ${code}); not restarted. Reload the window to try again.`);
      return;
    }
    restarts++;
    log.error(`session worker stopped (exit code ${code}); started again`);
    worker = start();
    restartEmitter.fire();
  }

  function receive(message: WorkerMessage): void {
    if (message.type === 'log') return void log[message.level](message.message);
    if (message.type === 'progress') return void pending.get(message.id)?.onProgress?.(message.done, message.total);
    const request = message.id === null ? undefined : pending.get(message.id);
    if (message.id !== null) pending.delete(message.id);
    if (message.type === 'error') {
      log.debug(`${message.root}: ${message.stack ?? message.message}`);
      return void request?.reject(new SessionError(message.name, message.message));
    }
    if (message.type === 'backtest' || message.type === 'delivery') return void request?.resolve(message.panel as never);
    void unpack(message, request);
  }

  async function unpack(message: StateMessage, request: Pending | undefined): Promise<void> {
    const state = await stateOfMessage(message);
    if (message.warningCount > state.warnings.length) log.warn(`${message.root}: ${message.warningCount - state.warnings.length} more warnings not shown`);
    cache = message.cache;
    stateEmitter.fire({ root: message.root, state });
    request?.resolve(state as never);
  }

  const post = (message: HostMessage): void => worker?.postMessage(message);

  function ask<T>(body: Omit<HostRequest, 'id'>, hooks: { token?: vscode.CancellationToken; onProgress?: (done: number, total: number) => void }): Promise<T> {
    if (!worker) return Promise.reject(new SessionError('WorkerStopped', 'the session worker stopped twice and was not restarted; reload the window'));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (answer: never) => void, reject, onProgress: hooks.onProgress });
      hooks.token?.onCancellationRequested(() => post({ type: 'cancel', id }));
      post({ ...body, id } as HostRequest);
    });
  }

  return {
    onState: stateEmitter.event,
    onRestart: restartEmitter.event,
    get cache() {
      return cache;
    },
    post,
    request: (body, hooks = {}) => ask<SessionState>(body, hooks),
    backtest: (root) => ask<DashboardBacktest>({ type: 'backtest', root }, {}),
    delivery: (root) => ask<DashboardDelivery | null>({ type: 'delivery', root }, {}),
    restart(reason) {
      const old = worker;
      worker = undefined;
      void old?.terminate();
      failPending(`the session worker was restarted (${reason})`);
      restarts = 0;
      log.info(`session worker restarted: ${reason}`);
      worker = start();
      restartEmitter.fire();
    },
    dispose() {
      disposed = true;
      void worker?.terminate();
      stateEmitter.dispose();
      restartEmitter.dispose();
    },
  };
}
