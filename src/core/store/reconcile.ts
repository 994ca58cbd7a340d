import { normaliseText } from '../ids';
import type { Decision, PortfolioData } from './schema';

export interface SeenItem {
  id: string;
  file: string;
  tag: string;
  text: string;
  principal?: number;
}

const identity = (tag: string, text: string): string => `${tag}\u0000${normaliseText(text)}`;

/**
 * Brings the store up to date with a scan: new items are recorded as open; an item that moved
 * to another file with the same tag and text keeps its decisions under its new id; an item no
 * longer found becomes done, dated the day it was first missed; one found again reopens.
 */
export function reconcile(data: PortfolioData, seen: readonly SeenItem[], today: string): void {
  const seenIds = new Set(seen.map((item) => item.id));
  /** Items not seen, by identity, in store order; `taken` of them have been matched to a moved item. */
  const orphans = new Map<string, { ids: string[]; taken: number }>();
  for (const [id, decision] of Object.entries(data.items)) {
    if (seenIds.has(id)) continue;
    const key = identity(decision.tag, decision.text);
    const same = orphans.get(key);
    if (same) same.ids.push(id);
    else orphans.set(key, { ids: [id], taken: 0 });
  }

  for (const item of seen) {
    let decision = data.items[item.id];
    if (!decision) {
      const same = orphans.get(identity(item.tag, item.text));
      const movedFrom = same && same.taken < same.ids.length ? same.ids[same.taken++] : undefined;
      decision = movedFrom ? data.items[movedFrom] : undefined;
      if (movedFrom) delete data.items[movedFrom];
    }
    data.items[item.id] = updated(decision, item, today);
  }

  for (const { ids, taken } of orphans.values()) {
    for (const id of ids.slice(taken)) {
      const decision = data.items[id]!;
      if (decision.missingSince === undefined) data.items[id] = { ...decision, status: 'done', missingSince: today, decidedAt: today };
    }
  }
}

function updated(decision: Decision | undefined, item: SeenItem, today: string): Decision {
  if (!decision) {
    return { status: 'open', file: item.file, tag: item.tag, text: item.text, firstSeen: today, ...(item.principal !== undefined ? { principal: item.principal } : {}) };
  }
  const next: Decision = { ...decision, file: item.file, tag: item.tag, text: item.text };
  if (next.missingSince !== undefined) {
    delete next.missingSince;
    next.status = 'open';
    next.decidedAt = today;
  }
  return next;
}
