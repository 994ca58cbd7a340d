import type { DashboardModel } from './dashboard';

/** Messages between the dashboard webview and the extension host. */

export const PLAN_ACTIONS = ['include', 'exclude', 'pin', 'unpin'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];
export const EXPORT_FORMATS = ['csv', 'json', 'md', 'sarif'] as const;
export type DashboardExportFormat = (typeof EXPORT_FORMATS)[number];

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; id: string }
  | { type: 'plan'; id: string; action: PlanAction }
  | { type: 'export'; format: DashboardExportFormat }
  | { type: 'refresh' }
  /** Open where the team sets its sprint calendar (.debt/config.json at firstSprintStart, or the keys to add). */
  | { type: 'openCalendar' };

export type HostMessage = { type: 'model'; model: DashboardModel } | { type: 'focus'; id: string } | { type: 'error'; message: string };

const ID = /^[0-9a-f]{16}$/;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnly = (value: Record<string, unknown>, keys: string[]): boolean => Object.keys(value).every((key) => keys.includes(key));

/** Checks a message from the webview against the protocol; returns why it is invalid, or the message. */
export function parseWebviewMessage(raw: unknown): { ok: true; message: WebviewMessage } | { ok: false; reason: string } {
  if (!isRecord(raw) || typeof raw.type !== 'string') return { ok: false, reason: 'not an object with a string "type"' };
  switch (raw.type) {
    case 'ready':
    case 'refresh':
    case 'openCalendar':
      return hasOnly(raw, ['type']) ? { ok: true, message: { type: raw.type } } : { ok: false, reason: `${raw.type} takes no fields` };
    case 'reveal':
      return hasOnly(raw, ['type', 'id']) && typeof raw.id === 'string' && ID.test(raw.id) ? { ok: true, message: { type: 'reveal', id: raw.id } } : { ok: false, reason: 'reveal needs an item id of 16 hex digits' };
    case 'plan':
      return hasOnly(raw, ['type', 'id', 'action']) && typeof raw.id === 'string' && ID.test(raw.id) && PLAN_ACTIONS.includes(raw.action as PlanAction)
        ? { ok: true, message: { type: 'plan', id: raw.id, action: raw.action as PlanAction } }
        : { ok: false, reason: `plan needs an item id and an action (${PLAN_ACTIONS.join(', ')})` };
    case 'export':
      return hasOnly(raw, ['type', 'format']) && EXPORT_FORMATS.includes(raw.format as DashboardExportFormat)
        ? { ok: true, message: { type: 'export', format: raw.format as DashboardExportFormat } }
        : { ok: false, reason: `export needs a format (${EXPORT_FORMATS.join(', ')})` };
    default:
      return { ok: false, reason: `unknown message type "${String(raw.type).slice(0, 40)}"` };
  }
}

/** The CLI command that makes a plan change, for the read-only report. */
export function planCommand(id: string, action: PlanAction): string {
  switch (action) {
    case 'include':
      return `debt-portfolio status ${id} --set planned`;
    case 'exclude':
      return `debt-portfolio status ${id} --set accepted --unpin`;
    case 'pin':
      return `debt-portfolio status ${id} --pin`;
    case 'unpin':
      return `debt-portfolio status ${id} --unpin`;
  }
}
