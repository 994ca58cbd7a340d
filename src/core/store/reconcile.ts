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
 * to another file with the same tag and text keeps its decisions under its new id, as does one whose
 * text was cut or extended in its file; an item no longer found becomes done, dated the day it was
 * first missed; one found again reopens.
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

  const unmatched: SeenItem[] = [];
  for (const item of seen) {
    let decision = data.items[item.id];
    if (!decision) {
      const same = orphans.get(identity(item.tag, item.text));
      const movedFrom = same && same.taken < same.ids.length ? same.ids[same.taken++] : undefined;
      decision = movedFrom ? data.items[movedFrom] : undefined;
      if (movedFrom) delete data.items[movedFrom];
      else unmatched.push(item);
    }
    data.items[item.id] = updated(decision, item, today);
  }
  const claimed = reworded(data, unmatched, orphans, today);

  for (const { ids, taken } of orphans.values()) {
    for (const id of ids.slice(taken)) {
      if (claimed.has(id)) continue;
      const decision = data.items[id]!;
      if (decision.missingSince === undefined) data.items[id] = { ...decision, status: 'done', missingSince: today, decidedAt: today };
    }
  }
}

/** Past this many unmatched items with one file and tag, none is matched by its text's start (it would not be one clear match). */
const MAX_REWORDED_CANDIDATES = 20;

/**
 * An item found with a new id whose text begins, or is begun by, the text of the one item of its file and tag that
 * is no longer found: the same item, its text cut or extended (edited, or read differently by a newer version), keeps
 * its decisions. Returns the ids whose decisions moved.
 */
function reworded(data: PortfolioData, unmatched: readonly SeenItem[], orphans: ReadonlyMap<string, { ids: string[]; taken: number }>, today: string): Set<string> {
  const claimed = new Set<string>();
  if (unmatched.length === 0) return claimed;
  const byPlace = new Map<string, string[]>();
  for (const { ids, taken } of orphans.values()) {
    for (const id of ids.slice(taken)) {
      const place = `${data.items[id]!.file}\u0000${data.items[id]!.tag}`;
      const ids = byPlace.get(place) ?? byPlace.set(place, []).get(place)!;
      if (ids.length <= MAX_REWORDED_CANDIDATES) ids.push(id);
    }
  }
  for (const item of unmatched) {
    const candidates = byPlace.get(`${item.file}\u0000${item.tag}`) ?? [];
    if (candidates.length > MAX_REWORDED_CANDIDATES) continue;
    const text = normaliseText(item.text);
    const matches = candidates.filter((id) => !claimed.has(id) && startsEither(normaliseText(data.items[id]!.text), text));
    if (matches.length !== 1) continue;
    const from = matches[0]!;
    claimed.add(from);
    data.items[item.id] = updated(data.items[from], item, today);
    delete data.items[from];
  }
  return claimed;
}

const startsEither = (a: string, b: string): boolean => a.length > 0 && b.length > 0 && (a.startsWith(b) || b.startsWith(a));

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
