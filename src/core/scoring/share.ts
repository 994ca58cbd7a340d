import type { TeamConfig } from '../config';
import type { DebtItem } from '../model';

/** An item's part of its file's cost, and why it is that part. */
export interface ItemShare {
  fraction: number;
  basis: string;
}

/** How a file's cost is split: each item's share, and what none of them carries. */
export interface FileSplit {
  shares: Map<string, ItemShare>;
  remainder: number;
}

type Claimant = Exclude<DebtItem, { kind: 'file' }>;

export const pct = (fraction: number): string => `${Math.round(fraction * 1000) / 10}%`;

/** The function an item lives in, when the parse knows it: a hotspot is one, an annotation may sit in one. */
function functionOf(item: Claimant): { key: string; name: string; cognitive: number } | undefined {
  if (item.kind === 'hotspot') return { key: `${item.name}\u0000${item.metrics.cognitive}`, name: item.name, cognitive: item.metrics.cognitive };
  return item.enclosing && { key: `${item.enclosing.name}\u0000${item.enclosing.cognitive}`, name: item.enclosing.name, cognitive: item.enclosing.cognitive };
}

/** An annotation's stated impact weighs its share among the items it shares with (medium, or none stated, weighs 1). */
const weightOf = (item: Claimant, settings: TeamConfig): number => (item.kind === 'annotation' && item.meta.impact ? settings.impactMultipliers[item.meta.impact] : 1);

/** Splits `whole` among `items` by their weights; all of it when every weight is 0 goes to them equally. */
function splitByWeight(items: readonly Claimant[], whole: number, basis: string, settings: TeamConfig, into: Map<string, ItemShare>): void {
  const weights = items.map((item) => weightOf(item, settings));
  const total = weights.reduce((sum, w) => sum + w, 0);
  items.forEach((item, k) => {
    const part = total > 0 ? weights[k]! / total : 1 / items.length;
    into.set(item.id, { fraction: whole * part, basis: items.length > 1 ? `${basis}, shared by ${items.length} items` : basis });
  });
}

/**
 * The rule that keeps interest conserved (issue 13): a function's share of the file is its share of the file's
 * cognitive complexity; a hotspot and the annotations inside that function split it (by stated impact), so a hotspot
 * of cognitive 0 (over the cyclomatic threshold only) holds nothing; annotations outside any known function split what
 * is left; with none, what is left is the remainder (a file item when costly).
 * The shares and the remainder add up to 1.
 */
export function splitFile(items: readonly DebtItem[], fileCognitive: number | undefined, settings: TeamConfig): FileSplit {
  const claimants = items.filter((item): item is Claimant => item.kind !== 'file');
  const byFunction = new Map<string, { name: string; cognitive: number; items: Claimant[] }>();
  const free: Claimant[] = [];
  for (const item of claimants) {
    const fn = fileCognitive ? functionOf(item) : undefined;
    if (!fn || (fn.cognitive <= 0 && item.kind !== 'hotspot')) free.push(item);
    else (byFunction.get(fn.key) ?? byFunction.set(fn.key, { ...fn, items: [] }).get(fn.key)!).items.push(item);
  }
  const claimed = [...byFunction.values()].reduce((sum, fn) => sum + fn.cognitive, 0);
  const scale = fileCognitive ? Math.min(1 / fileCognitive, claimed > 0 ? 1 / claimed : 0) : 0;
  const shares = new Map<string, ItemShare>();
  let taken = 0;
  for (const fn of byFunction.values()) {
    const whole = fn.cognitive * scale;
    taken += whole;
    splitByWeight(fn.items, whole, `${fn.name}: cognitive ${fn.cognitive} of the file's ${fileCognitive}`, settings, shares);
  }
  const left = Math.max(0, 1 - taken);
  if (free.length === 0) return { shares, remainder: left };
  splitByWeight(free, left, `outside the functions items hold (${pct(left)} of the file)`, settings, shares);
  return { shares, remainder: 0 };
}
