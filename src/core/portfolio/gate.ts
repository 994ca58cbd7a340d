import type { DebtItem } from '../model';
import { normaliseText } from '../ids';

export interface GateResult {
  passed: boolean;
  /** Annotations that are new since the base and carry no META. */
  newWithoutMeta: DebtItem[];
  interest: number;
  interestBudget: number | null;
  reasons: string[];
}

const identity = (item: DebtItem): string => (item.kind === 'annotation' ? `${item.tag}\u0000${normaliseText(item.text)}` : item.id);

/** Items in `current` beyond those with the same tag and text in `base` (a moved item is not new). */
export function newItems(current: readonly DebtItem[], base: readonly DebtItem[]): DebtItem[] {
  const remaining = new Map<string, number>();
  for (const item of base) remaining.set(identity(item), (remaining.get(identity(item)) ?? 0) + 1);
  return current.filter((item) => {
    const left = remaining.get(identity(item)) ?? 0;
    if (left > 0) remaining.set(identity(item), left - 1);
    return left === 0;
  });
}

/** The CI gate: no new annotation without META (when a base is given), and total interest within budget. */
export function checkGate(current: readonly DebtItem[], base: readonly DebtItem[] | undefined, interest: number, interestBudget: number | null): GateResult {
  const newWithoutMeta = base ? newItems(current, base).filter((item) => item.kind === 'annotation' && Object.keys(item.meta).length === 0) : [];
  const reasons: string[] = [];
  if (newWithoutMeta.length > 0) reasons.push(`${newWithoutMeta.length} new debt item(s) without META (owner, effort, impact…)`);
  if (interestBudget !== null && interest > interestBudget) reasons.push(`total interest ${interest.toFixed(2)} h/sprint is over the budget of ${interestBudget} h/sprint`);
  return { passed: reasons.length === 0, newWithoutMeta, interest, interestBudget, reasons };
}
