import type { DashboardDelivery } from './delivery';

/** The dashboard's view model: everything the webview and the HTML report draw, as plain data. */

export interface DashboardItem {
  id: string;
  title: string;
  kind: string;
  tag: string;
  file: string;
  line: number;
  owner: string;
  /** The owner is the git author of the annotation's line, not one the team named. */
  ownerFromGit?: boolean;
  status: string;
  sprint: number | null;
  pinned: boolean;
  interest: number;
  principal: number;
  payback: number | null;
  /** "formula = value unit" lines. */
  terms: string[];
}

export interface DashboardSprint {
  sprint: number;
  start: string;
  end: string;
  budget: number;
  plannedHours: number;
  interestRemoved: number;
  overBudget: boolean;
  items: Array<{ id: string; reason: string }>;
}

export interface Slice {
  label: string;
  value: number;
}

/** "How well did this ranking predict the last quarters?": the back-test's means, ours first, and what they say. */
export interface DashboardBacktest {
  /** The origins that ran, oldest first (ISO days). */
  origins: string[];
  rows: Array<{ ranking: string; ours: boolean; top10: number | null; effortAware: number | null }>;
  /** One plain line per metric: our ranking did at least as well, or which baseline did better. */
  verdicts: string[];
}

export interface DashboardModel {
  generatedAt: string;
  root: string;
  /** Set for the standalone report: edits are shown as CLI commands instead of being made. */
  readOnly: boolean;
  kpis: {
    openItems: number;
    principal: number;
    interest: number;
    budget: number;
    plannedNext: number;
    plannedThisSprint: number;
    /** Mean adherence of past sprints (0..n), null when there is none yet. */
    adherence: number | null;
  };
  currentSprint: { sprint: number; start: string; end: string };
  roadmap: DashboardSprint[];
  adherence: Array<{ sprint: number; retired: number; budget: number }>;
  trend: Array<{ label: string; openItems: number; interest: number }>;
  byFolder: Slice[];
  byTag: Slice[];
  byOwner: Slice[];
  paybackBins: Slice[];
  items: DashboardItem[];
  notices: string[];
  /** The back-test panel; null where it was not run (the editor's dashboard, --no-backtest, history off). */
  backtest: DashboardBacktest | null;
  /** The Delivery section; null where it was not computed (history off, not yet received from the worker). */
  delivery: DashboardDelivery | null;
  /** Days per sprint, for showing a payback past the horizon as such. */
  sprintLengthDays: number;
  /** The team set its sprint calendar; false: sprint numbers come from the default one. */
  calendarSet: boolean;
  /** Why git history was not read (no repository, git off, an untrusted workspace), or null: no trend, back-test or delivery then. */
  historyOff: string | null;
}
