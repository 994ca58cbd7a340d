import { loadConfig, type TeamConfig } from '../config';
import type { FileHistory } from '../history/history';
import type { DebtItem, ScanResult } from '../model';
import { scan, type ScanHooks, type ScanOptions } from '../scan';
import { openStore, type PortfolioStore } from '../store/portfolioStore';
import { reconcile, type SeenItem } from '../store/reconcile';
import { emptyPortfolio, type PortfolioData } from '../store/schema';
import { planPortfolio, type PlanSettings } from './planner';
import { totalsOf, type ItemScore, type PortfolioItem, type PortfolioView } from './view';

export interface ScoredItem {
  score: ItemScore;
  age?: PortfolioItem['age'];
}

/** Turns found items into costs; the history-backed scorer reads git, the plain one only the items. */
export interface Scorer {
  /**
   * Scores the items. With `blame: 'cached'` no blame runs (an age comes only from a file already blamed as it is
   * now) and `agesPending` says whether a full score would find more: a live rescan answers first, dates after.
   */
  score(
    root: string,
    items: readonly DebtItem[],
    context: { config: TeamConfig; git: boolean; signal?: AbortSignal; blame?: 'run' | 'cached' },
  ): Promise<{ scored: Map<string, ScoredItem>; notices: string[]; files?: Map<string, FileHistory>; agesPending?: boolean }>;
}

export interface BuildOptions extends ScanOptions {
  /** Record what the scan found in the store (new items, retired items); off for read-only runs. */
  record?: boolean;
  /** ISO date the plan and the store's dates are computed for (default: today, UTC). */
  today?: string;
  plan?: Partial<Pick<PlanSettings, 'capacityHours' | 'allocationPercent' | 'roadmapSprints'>>;
  /** Team settings this run overrides (the CLI's --since sets historyWindowDays). */
  configOverrides?: Partial<TeamConfig>;
  scorer: Scorer;
}

export interface Portfolio {
  view: PortfolioView;
  /** History figures of the files that hold items, when history is on. */
  files: Record<string, FileHistory>;
  scan: ScanResult;
  store: PortfolioStore;
  /** Things that are off or wrong, one line each: history off, store read-only, … */
  notices: string[];
}

export const todayUtc = (): string => new Date().toISOString().slice(0, 10);

export function planSettingsOf(config: TeamConfig, overrides: BuildOptions['plan'] = {}): PlanSettings {
  return {
    capacityHours: overrides.capacityHours ?? config.capacityHours,
    allocationPercent: overrides.allocationPercent ?? config.allocationPercent,
    sprintLengthDays: config.sprintLengthDays,
    firstSprintStart: config.firstSprintStart,
    roadmapSprints: overrides.roadmapSprints ?? config.roadmapSprints,
    adherenceSprints: config.adherenceSprints,
  };
}

/** What the store records of each found item: identity, and the principal when scored. */
export function seenItemsOf(items: readonly DebtItem[], scored?: Map<string, ScoredItem>): SeenItem[] {
  return items.map((item) => ({
    id: item.id,
    file: item.file,
    tag: item.kind === 'annotation' ? item.tag : item.kind,
    text: item.kind === 'annotation' ? item.text : item.name,
    ...(scored?.has(item.id) ? { principal: scored.get(item.id)!.score.principal } : {}),
  }));
}

/** Items with their scores and the team's decisions merged in. */
export function portfolioItems(items: readonly DebtItem[], scored: Map<string, ScoredItem>, data: PortfolioData): PortfolioItem[] {
  return items.map((item) => {
    const decision = data.items[item.id];
    const { score, age } = scored.get(item.id)!;
    const metaOwner = item.kind === 'annotation' ? item.meta.owner : undefined;
    return {
      ...item,
      score,
      ...(age ? { age } : {}),
      status: decision?.status ?? 'open',
      ...(decision?.sprint !== undefined ? { sprint: decision.sprint } : {}),
      ...(decision?.pinned ? { pinned: true } : {}),
      ...(decision?.notes ? { notes: decision.notes } : {}),
      ...((decision?.owner ?? metaOwner) ? { owner: decision?.owner ?? metaOwner } : {}),
    };
  });
}

/** Builds the portfolio view from items already found and scored, and the store's decisions. */
export function viewOf(root: string, items: PortfolioItem[], data: PortfolioData, settings: PlanSettings, today: string): PortfolioView {
  const planItems = items.map((item) => ({ id: item.id, principal: item.score.principal, interest: item.score.interest, status: item.status, pinned: item.pinned, sprint: item.sprint }));
  return { version: 1, generatedAt: new Date().toISOString(), root, items, plan: planPortfolio(planItems, data, settings, today), totals: totalsOf(items) };
}

/**
 * Scan, score, bring the store up to date and plan: the whole portfolio of one folder.
 * A read-only store (corrupt, newer) is reported and left untouched; the view is still built.
 */
export async function buildPortfolio(rootPath: string, options: BuildOptions, hooks: ScanHooks = {}): Promise<Portfolio> {
  const today = options.today ?? todayUtc();
  const result = await scan(rootPath, options, hooks);
  const config = { ...(await loadConfig(result.root)).config, ...options.configOverrides };
  const { scored, notices, files } = await options.scorer.score(result.root, result.items, { config, git: !options.noGit, signal: hooks.signal });
  const store = await openStore(result.root);
  const seen = seenItemsOf(result.items, scored);
  let data: PortfolioData;
  if (store.readOnly || options.record === false) {
    data = structuredClone(store.readOnly ? emptyPortfolio() : store.data());
    reconcile(data, seen, today);
    if (store.readOnly) notices.push(`${store.readOnly}; decisions are not shown and nothing is saved`);
  } else {
    await store.update((current) => reconcile(current, seen, today));
    data = store.data();
  }
  const items = portfolioItems(result.items, scored, data);
  const itemFiles = new Set(result.items.map((item) => item.file));
  const fileHistory = Object.fromEntries([...(files ?? new Map<string, FileHistory>())].filter(([file]) => itemFiles.has(file)).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { view: viewOf(result.root, items, data, planSettingsOf(config, options.plan), today), files: fileHistory, scan: result, store, notices };
}
