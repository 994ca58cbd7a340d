import type { Decision, PortfolioData, Status } from './schema';
import { SnoozeError, snoozeDateProblem } from './snooze';

export interface DecisionChange {
  status?: Exclude<Status, 'done'>;
  sprint?: number | null;
  notes?: string;
  pinned?: boolean;
  owner?: string | null;
  /** A future YYYY-MM-DD: out of plans until then (it unpins and unplans the item); null wakes it. */
  snoozedUntil?: string | null;
}

export class UnknownItemError extends Error {
  constructor(readonly id: string) {
    super(`no item with id ${id} in the portfolio (ids are in scan --format json)`);
    this.name = 'UnknownItemError';
  }
}

/** Records a team decision on one item, dated today; `null` clears a field. */
export function applyDecision(data: PortfolioData, id: string, change: DecisionChange, today: string): Decision {
  const current = data.items[id];
  if (!current) throw new UnknownItemError(id);
  const next: Decision = { ...current, decidedAt: today };
  if (change.status !== undefined) next.status = change.status;
  if (change.notes !== undefined) next.notes = change.notes;
  if (change.pinned !== undefined) next.pinned = change.pinned || undefined;
  if (change.sprint === null) delete next.sprint;
  else if (change.sprint !== undefined) next.sprint = change.sprint;
  if (change.owner === null) delete next.owner;
  else if (change.owner !== undefined) next.owner = change.owner;
  if (change.snoozedUntil === null) delete next.snoozedUntil;
  else if (change.snoozedUntil !== undefined) snooze(next, id, change.snoozedUntil, today);
  if (next.status === 'open') delete next.sprint;
  data.items[id] = JSON.parse(JSON.stringify(next)) as Decision;
  return data.items[id]!;
}

function snooze(next: Decision, id: string, until: string, today: string): void {
  const problem = snoozeDateProblem(until, today);
  if (problem) throw new SnoozeError(`cannot snooze item ${id}: ${problem}`);
  next.snoozedUntil = until;
  delete next.pinned;
  if (next.status === 'planned') next.status = 'open';
}

/**
 * What a dashboard plan action changes: include plans the item for `sprint`; exclude accepts it (the planner only
 * chooses open items, so reopening one it chose would put it straight back) and unpins it.
 */
export function planActionChange(action: 'include' | 'exclude' | 'pin' | 'unpin', sprint: number): DecisionChange {
  switch (action) {
    case 'include':
      return { status: 'planned', sprint };
    case 'exclude':
      return { status: 'accepted', sprint: null, pinned: false };
    case 'pin':
      return { pinned: true };
    case 'unpin':
      return { pinned: false };
  }
}
