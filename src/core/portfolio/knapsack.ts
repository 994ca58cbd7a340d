export interface Choice {
  id: string;
  /** Hours it takes (principal). */
  cost: number;
  /** Hours per sprint it removes (interest). */
  value: number;
}

/** Beyond this many item × hour cells the exact solver gives way to ratio-greedy. */
export const EXACT_LIMIT_CELLS = 2_000_000;
export const EXACT_LIMIT_ITEMS = 500;

const byRatio = (a: Choice, b: Choice): number => b.value * Math.max(a.cost, 1e-9) - a.value * Math.max(b.cost, 1e-9) || (a.id < b.id ? -1 : 1);

/**
 * The subset of choices with the greatest total value whose cost fits the budget.
 * Exact 0/1 knapsack over whole hours (costs rounded up) when the table is small enough,
 * else greedy by value per hour. Zero-cost choices are always taken.
 */
export function chooseWithin(choices: readonly Choice[], budget: number): { ids: string[]; method: 'exact' | 'greedy' } {
  const free = choices.filter((c) => c.cost <= 0);
  const paid = choices.filter((c) => c.cost > 0 && c.value > 0);
  const capacity = Math.max(0, Math.floor(budget + 1e-9));
  const exact = paid.length <= EXACT_LIMIT_ITEMS && paid.length * (capacity + 1) <= EXACT_LIMIT_CELLS;
  const chosen = exact ? exactKnapsack(paid, capacity) : greedy(paid, budget);
  return { ids: [...free, ...chosen].map((c) => c.id), method: exact ? 'exact' : 'greedy' };
}

function greedy(choices: readonly Choice[], budget: number): Choice[] {
  let left = budget;
  const chosen: Choice[] = [];
  for (const choice of [...choices].sort(byRatio)) {
    if (Math.ceil(choice.cost - 1e-9) <= left + 1e-9) {
      chosen.push(choice);
      left -= Math.ceil(choice.cost - 1e-9);
    }
  }
  return chosen;
}

function exactKnapsack(choices: readonly Choice[], capacity: number): Choice[] {
  const sorted = [...choices].sort(byRatio);
  const best = new Float64Array(capacity + 1);
  const taken = sorted.map(() => new Uint8Array(capacity + 1));
  sorted.forEach((choice, i) => {
    const weight = Math.ceil(choice.cost - 1e-9);
    for (let c = capacity; c >= weight; c--) {
      const withIt = best[c - weight]! + choice.value;
      if (withIt > best[c]! + 1e-9) {
        best[c] = withIt;
        taken[i]![c] = 1;
      }
    }
  });
  const chosen: Choice[] = [];
  let c = capacity;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (taken[i]![c]) {
      chosen.push(sorted[i]!);
      c -= Math.ceil(sorted[i]!.cost - 1e-9);
    }
  }
  return chosen.reverse();
}
