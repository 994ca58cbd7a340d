import type { PortfolioData, Status } from '../store/schema';
import { isSnoozed } from '../store/snooze';
import { chooseWithin } from './knapsack';
import { sprintCalendar, type SprintRange } from './sprints';

export interface PlanItem {
  id: string;
  /** Hours to fix. */
  principal: number;
  /** Hours it costs per sprint. */
  interest: number;
  status: Status;
  pinned?: boolean;
  sprint?: number;
  /** Left out of every sprint that starts before this day. */
  snoozedUntil?: string;
}

export interface PlanSettings {
  capacityHours: number;
  allocationPercent: number;
  sprintLengthDays: number;
  /** ISO date sprint 1 starts on. */
  firstSprintStart: string;
  /** How many sprints the roadmap covers, starting with the next one. */
  roadmapSprints: number;
  /** How many past sprints adherence covers. */
  adherenceSprints: number;
}

export type PlanReason = 'pinned' | 'planned' | 'chosen';

export interface SprintPlan extends SprintRange {
  budget: number;
  items: Array<{ id: string; principal: number; interest: number; reason: PlanReason }>;
  plannedHours: number;
  interestRemoved: number;
  overBudget: boolean;
  method: 'exact' | 'greedy';
}

export interface SprintAdherence extends SprintRange {
  budget: number;
  retiredPrincipal: number;
  /** Retired principal ÷ budget. */
  adherence: number;
}

export interface Plan {
  budget: number;
  current: SprintRange & { plannedIds: string[]; plannedHours: number };
  /** The next sprint first, then the ones after it. */
  roadmap: SprintPlan[];
  adherence: SprintAdherence[];
}

export const budgetOf = (settings: Pick<PlanSettings, 'capacityHours' | 'allocationPercent'>): number =>
  (settings.capacityHours * settings.allocationPercent) / 100;

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Items that must go into sprint `sprint` before anything is chosen: pinned first, then planned for it. */
function forcedInto(pending: PlanItem[], sprint: number, first: boolean): Array<PlanItem & { reason: PlanReason }> {
  return pending
    .filter((item) => (item.pinned && first) || (item.status === 'planned' && (item.sprint === sprint || (first && item.sprint === undefined))))
    .map((item) => ({ ...item, reason: item.pinned ? ('pinned' as const) : ('planned' as const) }));
}

function planOneSprint(all: PlanItem[], range: SprintRange, budget: number, first: boolean): SprintPlan {
  const pending = all.filter((item) => !isSnoozed(item.snoozedUntil, range.start));
  const forced = forcedInto(pending, range.sprint, first);
  const forcedIds = new Set(forced.map((item) => item.id));
  const forcedHours = sum(forced.map((item) => item.principal));
  const open = pending.filter((item) => item.status === 'open' && !item.pinned && !forcedIds.has(item.id));
  const { ids, method } = chooseWithin(
    open.map((item) => ({ id: item.id, cost: item.principal, value: item.interest })),
    Math.max(0, budget - forcedHours),
  );
  const byId = new Map(open.map((item) => [item.id, item]));
  const items = [...forced, ...ids.map((id) => ({ ...byId.get(id)!, reason: 'chosen' as const }))].map(({ id, principal, interest, reason }) => ({ id, principal, interest, reason }));
  const plannedHours = sum(items.map((item) => item.principal));
  return { ...range, budget, items, plannedHours, interestRemoved: sum(items.map((item) => item.interest)), overBudget: plannedHours > budget + 1e-9, method };
}

/** The next sprints' plans, each filling its debt budget from what the sprints before it left. */
export function planRoadmap(items: readonly PlanItem[], settings: PlanSettings, today: string): Omit<Plan, 'adherence'> {
  const calendar = sprintCalendar(settings.firstSprintStart, settings.sprintLengthDays);
  const budget = budgetOf(settings);
  const currentSprint = calendar.sprintOf(today);
  const current = items.filter((item) => item.status === 'planned' && item.sprint !== undefined && item.sprint <= currentSprint);
  let pending = items.filter((item) => (item.status === 'open' || item.status === 'planned') && !current.includes(item));
  const roadmap: SprintPlan[] = [];
  for (let k = 1; k <= settings.roadmapSprints; k++) {
    const plan = planOneSprint(pending, calendar.range(currentSprint + k), budget, k === 1);
    roadmap.push(plan);
    const taken = new Set(plan.items.map((item) => item.id));
    pending = pending.filter((item) => !taken.has(item.id));
  }
  return {
    budget,
    current: { ...calendar.range(currentSprint), plannedIds: current.map((item) => item.id), plannedHours: sum(current.map((item) => item.principal)) },
    roadmap,
  };
}

/**
 * For each past sprint since the store's first record: the principal of the items retired (first missed) in it,
 * against its budget. A sprint before anything was recorded has no history, so it is not counted as 0%.
 */
export function adherenceOf(data: PortfolioData, settings: PlanSettings, today: string): SprintAdherence[] {
  const calendar = sprintCalendar(settings.firstSprintStart, settings.sprintLengthDays);
  const budget = budgetOf(settings);
  const firstSeen = Object.values(data.items).reduce<string | undefined>((first, d) => (d.firstSeen && (!first || d.firstSeen < first) ? d.firstSeen : first), undefined);
  if (!firstSeen) return [];
  const last = calendar.sprintOf(today) - 1;
  const retired = new Map<number, number>();
  for (const decision of Object.values(data.items)) {
    if (decision.status !== 'done' || decision.missingSince === undefined) continue;
    const sprint = calendar.sprintOf(decision.missingSince);
    retired.set(sprint, (retired.get(sprint) ?? 0) + (decision.principal ?? 0));
  }
  const sprints: SprintAdherence[] = [];
  for (let sprint = Math.max(1, last - settings.adherenceSprints + 1, calendar.sprintOf(firstSeen)); sprint <= last; sprint++) {
    const retiredPrincipal = retired.get(sprint) ?? 0;
    sprints.push({ ...calendar.range(sprint), budget, retiredPrincipal, adherence: budget > 0 ? retiredPrincipal / budget : 0 });
  }
  return sprints;
}

export function planPortfolio(items: readonly PlanItem[], data: PortfolioData, settings: PlanSettings, today: string): Plan {
  return { ...planRoadmap(items, settings, today), adherence: adherenceOf(data, settings, today) };
}
