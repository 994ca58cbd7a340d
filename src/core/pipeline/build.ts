import { tagMatcher } from '../annotations';
import { loadConfig, type TeamConfig } from '../config';
import { pathFilter } from '../files/excludes';
import { vendoredGlobOf } from '../files/vendored';
import type { FileHistory } from '../history/history';
import type { FileHealth } from '../scoring/fileCost';
import type { DebtItem, ScanResult } from '../model';
import { planPortfolio, type PlanSettings } from '../portfolio/planner';
import { totalsOf, type PortfolioItem, type PortfolioView } from '../portfolio/view';
import { openStore, type PortfolioStore } from '../store/portfolioStore';
import { reconcile, type SeenItem } from '../store/reconcile';
import { emptyPortfolio, StoreError, type PortfolioData } from '../store/schema';
import { fileItems, itemContextOf } from './fileItems';
import type { Scorer, ScoredItem } from './historyScorer';
import { resolveFolder, scanFile, scanFolder, ScanInputError, type FileScan, type ScanHooks, type ScanOptions } from './scanFolder';
import type { ScanCache } from '../cache/scanCacheFile';
import { scanResultAt } from './scanCommit';
import { resolveAsOf } from '../history/asOf';

export interface BuildOptions extends ScanOptions {
  /**
   * Record what the scan found in the store (new items, retired items). Unset: record when the store can be saved,
   * else say so in a notice and go on; true: a store that cannot be saved is an error; false: never record.
   */
  record?: boolean;
  /** ISO date the plan and the store's dates are computed for (default: today, UTC). */
  today?: string;
  plan?: Partial<Pick<PlanSettings, 'capacityHours' | 'allocationPercent' | 'roadmapSprints'>>;
  /** A revision or a date: the portfolio as it was then (files read from git, history ending there); nothing is recorded. */
  asOf?: string;
  /** Team settings this run overrides (the CLI's --since sets historyWindowDays). */
  configOverrides?: Partial<TeamConfig>;
  /** Tags found besides the team config's (the editor user's own); the team's stay the shared source. */
  extraTags?: readonly string[];
  scorer: Scorer;
}

export interface Portfolio {
  view: PortfolioView;
  /** History figures of the files that hold items, when history is on. */
  files: Record<string, FileHistory>;
  /** Every source file's health record: its cost per sprint, computed once and shared among its items. */
  health: FileHealth[];
  scan: ScanResult;
  store: PortfolioStore;
  /** The team config this portfolio was built with (read once, overrides applied). */
  config: TeamConfig;
  /** How it was built, so a rebuild finds a changed file's items the same way. */
  settings: { git: boolean; complexity: boolean; plan: BuildOptions['plan']; configOverrides: Partial<TeamConfig>; extraTags?: readonly string[] };
  /** Things that are off or wrong, one line each: history off, store read-only, … */
  notices: string[];
  /** Set when items were scored without running blame and a full score would date more lines. */
  agesPending?: boolean;
}

/** The team config with this run's overrides, and the user's own tags after the team's. */
const effectiveConfig = (config: TeamConfig, overrides: Partial<TeamConfig>, extraTags: readonly string[] = []): TeamConfig => {
  const merged = { ...config, ...overrides };
  return extraTags.length ? { ...merged, tags: [...new Set([...merged.tags, ...extraTags])] } : merged;
};

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
    text: item.kind === 'annotation' ? item.text : item.kind === 'hotspot' ? item.name : item.file,
    ...(scored?.has(item.id) ? { principal: scored.get(item.id)!.score.principal } : {}),
  }));
}

/** The owner the team named (store, META, the comment's text), else the blame author of an annotation's line, marked as such. */
const ownerOf = (named: string | undefined, author: string | undefined): Pick<PortfolioItem, 'owner' | 'ownerFrom'> =>
  named ? { owner: named } : author ? { owner: author, ownerFrom: 'git' } : {};

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
      ...(decision?.snoozedUntil ? { snoozedUntil: decision.snoozedUntil } : {}),
      ...ownerOf(decision?.owner ?? metaOwner, item.kind === 'annotation' ? age?.author : undefined),
    };
  });
}

/** Builds the portfolio view from items already found and scored, and the store's decisions. */
export function viewOf(root: string, items: PortfolioItem[], data: PortfolioData, settings: PlanSettings, today: string, calendarSet = false): PortfolioView {
  const planItems = items.map((item) => ({ id: item.id, principal: item.score.principal, interest: item.score.interest, status: item.status, pinned: item.pinned, sprint: item.sprint, snoozedUntil: item.snoozedUntil }));
  return { version: 1, generatedAt: new Date().toISOString(), root, items, plan: planPortfolio(planItems, data, settings, today), totals: totalsOf(items), sprintLengthDays: settings.sprintLengthDays, ...(calendarSet ? { calendarSet } : {}) };
}

/** What a file's items are replaced with: the editor's text when given, else the file as it is on disk (gone: no items). */
export interface ChangedFile {
  file: string;
  text?: string;
}

export interface RebuildOptions {
  scorer: Scorer;
  /** 'cached' scores without running blame: a new line keeps no age until a later rebuild with 'run'. */
  blame?: 'run' | 'cached';
  cache?: ScanCache;
  today?: string;
  signal?: AbortSignal;
}

const byPlace = (a: DebtItem, b: DebtItem): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);

/** Scores the items and plans them against the store: recorded when asked and writable, else reconciled in memory only. */
async function assemble(scan: ScanResult, store: PortfolioStore, config: TeamConfig, settings: Portfolio['settings'], options: { scorer: Scorer; record: boolean | 'if-possible'; today: string; calendarSet?: boolean; blame?: 'run' | 'cached'; signal?: AbortSignal; previous?: PortfolioView; asOfRef?: string }): Promise<Portfolio> {
  const { scored, notices, files, agesPending, health, fileItems } = await options.scorer.score(scan.root, scan.items, { config, git: settings.git, measures: scan.files, signal: options.signal, blame: options.blame, asOfRef: options.asOfRef });
  if (options.previous) keepAges(scored, options.previous);
  const items = [...scan.items, ...fileItems].sort(byPlace);
  const seen = seenItemsOf(items, scored);
  const inMemory = (): PortfolioData => {
    const data = structuredClone(store.readOnly ? emptyPortfolio() : store.data());
    reconcile(data, seen, options.today);
    return data;
  };
  let data: PortfolioData;
  if (store.readOnly || !options.record) {
    data = inMemory();
    if (store.readOnly) notices.push(`${store.readOnly}; decisions are not shown and nothing is saved`);
  } else {
    try {
      await store.update((current) => reconcile(current, seen, options.today));
      data = store.data();
    } catch (error) {
      if (!(error instanceof StoreError) || options.record === true) throw error;
      data = inMemory();
      notices.push(`${error.message}; nothing is saved`);
    }
  }
  const itemFiles = new Set(items.map((item) => item.file));
  const fileHistory = Object.fromEntries([...(files ?? new Map<string, FileHistory>())].filter(([file]) => itemFiles.has(file)).sort(([a], [b]) => (a < b ? -1 : 1)));
  const view = viewOf(scan.root, portfolioItems(items, scored, data), data, planSettingsOf(config, settings.plan), options.today, options.calendarSet);
  return { view, files: fileHistory, health, scan, store, config, settings, notices, ...(agesPending ? { agesPending } : {}) };
}

/** An item scored without blame keeps the age it had in the previous view. */
function keepAges(scored: Map<string, ScoredItem>, previous: PortfolioView): void {
  const ages = new Map(previous.items.map((item) => [item.id, item.age]));
  for (const [id, entry] of scored) if (!entry.age && ages.get(id)) entry.age = ages.get(id);
}

/**
 * Scan, score, bring the store up to date and plan: the whole portfolio of one folder. The team config is read
 * once here and passed down. A read-only store (corrupt, newer) is reported and left untouched; the view is still built.
 */
export async function buildPortfolio(rootPath: string, options: BuildOptions, hooks: ScanHooks = {}): Promise<Portfolio> {
  const root = await resolveFolder(rootPath);
  const loaded = await loadConfig(root);
  const config = effectiveConfig(loaded.config, options.configOverrides ?? {}, options.extraTags);
  const asOf = options.asOf === undefined ? undefined : await resolveAsOf(root, options.asOf);
  if (asOf && 'problem' in asOf) throw new ScanInputError(asOf.problem);
  const result = asOf ? await scanResultAt(root, asOf.commit, config, { tags: options.tags, complexity: options.complexity !== false }) : await scanFolder(root, { ...options, config: { config, warnings: loaded.warnings } }, hooks);
  const settings = { git: !options.noGit, complexity: options.complexity !== false, plan: options.plan, configOverrides: options.configOverrides ?? {}, extraTags: options.extraTags };
  return assemble(result, await openStore(root), config, settings, { scorer: options.scorer, record: asOf ? false : (options.record ?? 'if-possible'), today: options.today ?? todayUtc(), calendarSet: loaded.calendarSet, signal: hooks.signal, asOfRef: asOf?.commit });
}

/** Whether a file is vendored: as the last full scan found it (.gitattributes included), else for a file it did not scan, by the vendored globs. */
function vendoredTest(scan: ScanResult, globs: readonly string[]): (file: string) => boolean {
  const found = new Set(scan.skippedFiles.filter((skip) => skip.reason === 'vendored').map((skip) => skip.file));
  const scanned = new Set(scan.items.map((item) => item.file));
  const globOf = vendoredGlobOf(globs);
  return (file) => found.has(file) || (!scanned.has(file) && globOf(file) !== undefined);
}

/**
 * An editor's text without the annotations still being typed: META left open (`TODO(own`), or META with no text
 * after it yet (`TODO()`, which an editor's closing bracket makes of `TODO(`). A file read from disk keeps them.
 */
function withoutHalfTyped(found: FileScan, text: string): FileScan {
  const lines = text.split(/\r\n|\r|\n/);
  const halfTyped = (item: DebtItem): boolean =>
    item.kind === 'annotation' && (item.warnings.some((w) => w.code === 'meta-unclosed') || (item.text === '' && (lines[item.line - 1] ?? '').slice(item.column - 1).startsWith(`${item.tag}(`)));
  return { ...found, items: found.items.filter((item) => !halfTyped(item)) };
}

/**
 * A new portfolio from a previous one with some files' items found again (an edit, a save, files changed on disk):
 * the same `fileItems` as a full scan, the config read once, everything scored again and planned against the
 * store as it is now (reconciled in memory: only a full scan records). The previous portfolio is not changed.
 */
export async function rebuild(previous: Portfolio, changed: readonly ChangedFile[], options: RebuildOptions): Promise<Portfolio> {
  const root = previous.scan.root;
  const loaded = await loadConfig(root);
  const config = effectiveConfig(loaded.config, previous.settings.configOverrides, previous.settings.extraTags);
  const context = itemContextOf(tagMatcher(config.tags), config, previous.settings.complexity);
  const filter = pathFilter(config.include, config.exclude);
  const vendored = vendoredTest(previous.scan, config.vendored);
  const replaced = new Map<string, FileScan>();
  for (const { file, text } of changed) {
    options.signal?.throwIfAborted();
    if (!filter.accepts(file) || vendored(file)) replaced.set(file, { items: [], warnings: [] });
    else if (text !== undefined) replaced.set(file, withoutHalfTyped((await fileItems(file, text, context)) ?? { items: [], warnings: [] }, text));
    else replaced.set(file, await scanFile(root, file, { ...context, maxBytes: config.maxFileSizeBytes, cache: options.cache }));
  }
  const kept = <T extends { file: string }>(list: readonly T[]) => list.filter((entry) => !replaced.has(entry.file));
  const found = [...replaced.values()];
  const scan: ScanResult = {
    ...previous.scan,
    items: [...kept(previous.scan.items), ...found.flatMap((f) => f.items)].sort(byPlace),
    files: [...kept(previous.scan.files), ...found.flatMap((f) => (f.measure ? [f.measure] : []))],
    warnings: [...kept(previous.scan.warnings), ...found.flatMap((f) => [...f.warnings, ...f.items.flatMap((item) => item.warnings)])],
  };
  return assemble(scan, previous.store, config, previous.settings, { scorer: options.scorer, record: false, today: options.today ?? todayUtc(), calendarSet: loaded.calendarSet, blame: options.blame, signal: options.signal, previous: previous.view });
}
