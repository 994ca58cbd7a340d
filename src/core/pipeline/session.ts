import type { DashboardBacktest } from '../../shared/dashboard';
import type { DashboardDelivery } from '../../shared/delivery';
import { loadConfig } from '../config';
import { resolveCommit } from '../git/snapshot';
import type { DeliveryReport } from '../history/delivery';
import { historyOff } from '../history/history';
import type { Warning } from '../model';
import { backtest, backtestPanel } from './backtest';
import { deliveryOf, deliveryPanel, topInterestFiles } from './delivery';
import type { PortfolioView } from '../portfolio/view';
import { applyDecision, type DecisionChange } from '../store/decide';
import { reconcile } from '../store/reconcile';
import { buildPortfolio, rebuild, seenItemsOf, todayUtc, type ChangedFile, type Portfolio } from './build';
import { historyScorer, type Scorer } from './historyScorer';
import type { ScanCache } from '../cache/scanCacheFile';
import type { ScanHooks } from './scanFolder';
import { portfolioTrend, type TrendPoint } from './trend';

/** What a session hands out after each operation: plain data, numbered so a late answer is recognised. */
export interface SessionState {
  /** Increases with every state this session hands out. */
  generation: number;
  view: PortfolioView;
  notices: string[];
  warnings: Warning[];
  filesScanned: number;
  durationMs: number;
  /** A later `rescore` would date lines that this state shows without an age. */
  agesPending: boolean;
  /** Past sprints' figures read from git (empty until `readTrend`, or with git off). */
  trend: TrendPoint[];
}

export interface SessionSettings {
  root: string;
  /** Run git (history, blame); off in an untrusted workspace. */
  git: boolean;
  complexity?: boolean;
  cache?: ScanCache;
  scorer?: Scorer;
}

/** One folder's portfolio kept up to date: the extension's worker, the CLI and tests drive it the same way. */
export interface PortfolioSession {
  readonly root: string;
  readonly git: boolean;
  /**
   * Scans the whole folder and reconciles it with the store in memory: a scan never writes the store.
   * `extraTags` (a user's own tags) are found besides the team's, by this scan and the edits after it.
   */
  rescan(hooks?: ScanHooks, extraTags?: readonly string[]): Promise<SessionState>;
  /** Finds some files' items again (editor text, or the file on disk) without running blame. */
  replaceFiles(changed: readonly ChangedFile[], hooks?: Pick<ScanHooks, 'signal'>): Promise<SessionState>;
  /** Scores everything again (running blame) against the store as it is now; an abort stops it between files. */
  rescore(hooks?: Pick<ScanHooks, 'signal'>): Promise<SessionState>;
  /** Records what the last scan found and a team decision together (the store's first write), and answers with the view it gives. */
  decide(id: string, change: DecisionChange): Promise<SessionState>;
  /**
   * The back-test panel (how well the ranking predicted the last quarters), computed once per HEAD commit and
   * beside the other operations (it reads only git), so edits are not queued behind it.
   */
  backtestPanel(): Promise<DashboardBacktest>;
  /**
   * The Delivery section beside the latest portfolio (its top-interest files, its plan's adherence), read from git once
   * per HEAD commit and day, outside the queue like the back-test; null when git or its history is off.
   */
  deliveryPanel(): Promise<DashboardDelivery | null>;
  /** Reads the past sprints' trend from git (outside the queue: edits are answered meanwhile) and answers with it. */
  readTrend(hooks?: Pick<ScanHooks, 'signal'>): Promise<SessionState>;
}

export class SessionNotReadyError extends Error {
  constructor(root: string) {
    super(`${root}: not scanned yet`);
    this.name = 'SessionNotReadyError';
  }
}

/**
 * A session runs one operation at a time, each on the portfolio the one before left, so no answer is built
 * from a stale portfolio; every answer carries the next generation number.
 */
export function createSession(settings: SessionSettings): PortfolioSession {
  const scorer = settings.scorer ?? historyScorer();
  let current: Portfolio | undefined;
  let generation = 0;
  let trend: TrendPoint[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let backtestOf: { head: string; panel: Promise<DashboardBacktest> } | undefined;
  let deliveryFor: { key: string; report: Promise<DeliveryReport> } | undefined;

  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const stateOf = (portfolio: Portfolio, started: number): SessionState => {
    current = portfolio;
    return {
      generation: ++generation,
      view: portfolio.view,
      notices: portfolio.notices,
      warnings: portfolio.scan.warnings,
      filesScanned: portfolio.scan.stats.filesScanned,
      durationMs: Math.round(performance.now() - started),
      agesPending: portfolio.agesPending === true,
      trend,
    };
  };
  const built = (): Portfolio => {
    if (!current) throw new SessionNotReadyError(settings.root);
    return current;
  };

  return {
    root: settings.root,
    git: settings.git,
    rescan: (hooks = {}, extraTags = []) =>
      serially(async () => {
        const started = performance.now();
        return stateOf(await buildPortfolio(settings.root, { noGit: !settings.git, complexity: settings.complexity, scorer, cache: settings.cache, record: false, extraTags }, hooks), started);
      }),
    replaceFiles: (changed, hooks = {}) =>
      serially(async () => {
        const started = performance.now();
        return stateOf(await rebuild(built(), changed, { scorer, blame: 'cached', cache: settings.cache, signal: hooks.signal }), started);
      }),
    rescore: (hooks = {}) =>
      serially(async () => {
        hooks.signal?.throwIfAborted();
        const started = performance.now();
        return stateOf(await rebuild(built(), [], { scorer, blame: 'run', signal: hooks.signal }), started);
      }),
    async backtestPanel() {
      if (!settings.git) return { origins: [], rows: [], verdicts: ['the back-test needs git history, which is off here'] };
      const head = await resolveCommit(settings.root, 'HEAD').catch(() => undefined);
      if (!head) return { origins: [], rows: [], verdicts: ['the back-test needs git history: no commit here'] };
      if (backtestOf?.head !== head) {
        const { config } = await loadConfig(settings.root);
        backtestOf = { head, panel: backtest(settings.root, config).then(backtestPanel, (error: unknown) => ({ origins: [], rows: [], verdicts: [`the back-test could not run: ${(error as Error).message}`] })) };
      }
      return backtestOf.panel;
    },
    async deliveryPanel() {
      if (!settings.git || (await historyOff(settings.root))) return null;
      const portfolio = built();
      const head = await resolveCommit(settings.root, 'HEAD');
      const topFiles = topInterestFiles(portfolio.health);
      const today = todayUtc();
      const key = [head, today, ...topFiles].join('\n');
      if (deliveryFor?.key !== key) {
        const options = { sprints: portfolio.config.deliverySprints, today, nowSeconds: Math.floor(Date.now() / 1000), topFiles };
        const asked = { key, report: deliveryOf(settings.root, portfolio.config, options) };
        asked.report.catch(() => deliveryFor === asked && (deliveryFor = undefined));
        deliveryFor = asked;
      }
      return deliveryPanel(await deliveryFor.report, portfolio.view.plan.adherence);
    },
    decide: (id, change) =>
      serially(async () => {
        const started = performance.now();
        const { store, view } = built();
        const seen = seenItemsOf(view.items, new Map(view.items.map((item) => [item.id, item])));
        await store.update((data) => {
          reconcile(data, seen, todayUtc());
          applyDecision(data, id, change, todayUtc());
        });
        return stateOf(await rebuild(built(), [], { scorer, blame: 'cached' }), started);
      }),
    readTrend: async (hooks = {}) => {
      const started = performance.now();
      const points = await portfolioTrend(settings.root, built().config, { git: settings.git, today: todayUtc(), signal: hooks.signal });
      return serially(async () => {
        trend = points;
        return stateOf(built(), started);
      });
    },
  };
}
