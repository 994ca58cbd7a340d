import type { DecisionChange } from '../store/decide';
import type { ChangedFile } from './build';
import type { SessionState } from './session';

/** What the extension host asks of the session worker. Every request has an id its answer repeats. */
export type HostRequest =
  | { type: 'rescan'; id: number; root: string; git: boolean }
  | { type: 'replaceFiles'; id: number; root: string; changed: ChangedFile[] }
  | { type: 'rescore'; id: number; root: string }
  | { type: 'decide'; id: number; root: string; item: string; change: DecisionChange };

export type HostMessage = HostRequest | { type: 'cancel'; id: number } | { type: 'forget'; root: string };

/** How the scan cache did: lookups answered since the worker started, and where it is kept. */
export interface CacheReport {
  hits: number;
  file?: string;
}

/** What the worker tells the host: answers (by request id), progress, and states nobody asked for (id null: dates found later). */
export type WorkerMessage =
  | { type: 'state'; id: number | null; root: string; state: SessionState; cache: CacheReport }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'error'; id: number; root: string; name: string; message: string; stack?: string }
  | { type: 'log'; level: 'debug' | 'warn' | 'error'; message: string };
