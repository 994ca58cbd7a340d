import type { DashboardModel } from '../shared/dashboard';
import type { HostMessage, WebviewMessage } from '../shared/protocol';

/** What the dashboard UI needs from its host: the VS Code webview API, or nothing (the static report). */
export interface Transport {
  readonly readOnly: boolean;
  post(message: WebviewMessage): void;
  getState<T>(): T | undefined;
  setState<T>(state: T): void;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export function vscodeTransport(): Transport {
  const api = acquireVsCodeApi();
  return {
    readOnly: false,
    post: (message) => api.postMessage(message),
    getState: <T>() => api.getState() as T | undefined,
    setState: (state) => api.setState(state),
  };
}

export function reportTransport(): Transport {
  let state: unknown;
  return {
    readOnly: true,
    post: () => {},
    getState: <T>() => state as T | undefined,
    setState: (next) => {
      state = next;
    },
  };
}

export const inVsCode = (): boolean => typeof (globalThis as { acquireVsCodeApi?: unknown }).acquireVsCodeApi === 'function';

/** The model embedded in the report page, if this is the report. */
export function embeddedModel(): DashboardModel | undefined {
  const node = document.getElementById('dashboard-model');
  return node?.textContent ? (JSON.parse(node.textContent) as DashboardModel) : undefined;
}

export function onHostMessage(handler: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<HostMessage>) => handler(event.data));
}
