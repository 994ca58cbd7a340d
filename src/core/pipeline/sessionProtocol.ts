import type { DashboardBacktest } from '../../shared/dashboard';
import type { DashboardDelivery } from '../../shared/delivery';
import type { PortfolioItem } from '../portfolio/view';
import type { DecisionChange } from '../store/decide';
import type { ChangedFile } from './build';
import type { SessionState } from './session';

/** What the extension host asks of the session worker. Every request has an id its answer repeats. */
export type HostRequest =
  | { type: 'rescan'; id: number; root: string; git: boolean; extraTags?: string[] }
  | { type: 'replaceFiles'; id: number; root: string; changed: ChangedFile[] }
  | { type: 'rescore'; id: number; root: string }
  | { type: 'decide'; id: number; root: string; item: string; change: DecisionChange }
  | { type: 'backtest'; id: number; root: string }
  | { type: 'delivery'; id: number; root: string };

export type HostMessage = HostRequest | { type: 'cancel'; id: number } | { type: 'forget'; root: string };

/** How the scan cache did: lookups answered since the worker started, and where it is kept. */
export interface CacheReport {
  hits: number;
  file?: string;
}

/**
 * A state as it crosses the thread boundary: the view's items as JSON text in chunks (its `items` empty), since
 * structured-clone reading of a few thousand items held the host's thread ~100 ms at once; the host parses one chunk
 * per turn of its event loop. At most WARNINGS_SENT warnings travel; `warningCount` says how many there were.
 */
export interface StateMessage {
  type: 'state';
  id: number | null;
  root: string;
  state: SessionState;
  itemChunks: string[];
  warningCount: number;
  cache: CacheReport;
}

export const ITEMS_PER_CHUNK = 250;
export const WARNINGS_SENT = 200;

/** Packs a state for the host (see StateMessage). */
export function stateMessage(id: number | null, root: string, state: SessionState, cache: CacheReport): StateMessage {
  const { items } = state.view;
  const itemChunks: string[] = [];
  for (let at = 0; at < items.length; at += ITEMS_PER_CHUNK) itemChunks.push(JSON.stringify(items.slice(at, at + ITEMS_PER_CHUNK)));
  return { type: 'state', id, root, state: { ...state, view: { ...state.view, items: [] }, warnings: state.warnings.slice(0, WARNINGS_SENT) }, itemChunks, warningCount: state.warnings.length, cache };
}

/** Unpacks a state, one chunk of items per turn of the event loop. */
export async function stateOfMessage(message: StateMessage): Promise<SessionState> {
  const items: PortfolioItem[] = [];
  for (const chunk of message.itemChunks) {
    await new Promise((resolve) => setImmediate(resolve));
    for (const item of JSON.parse(chunk) as PortfolioItem[]) items.push(item);
  }
  return { ...message.state, view: { ...message.state.view, items } };
}

/** What the worker tells the host: answers (by request id), progress, and states nobody asked for (id null: dates found later). */
export type WorkerMessage =
  | StateMessage
  | { type: 'backtest'; id: number; root: string; panel: DashboardBacktest }
  | { type: 'delivery'; id: number; root: string; panel: DashboardDelivery | null }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'error'; id: number; root: string; name: string; message: string; stack?: string }
  | { type: 'log'; level: 'debug' | 'warn' | 'error'; message: string };
