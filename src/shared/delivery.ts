/** Delivery figures as plain data: what the core computes and every surface (CLI, dashboard, report, brief) shows. */

export type FigureStatus = 'ok' | 'not-enough-data' | 'no-data';

/** One delivery figure for one period: its value (and p85 for times), sample size and the terms it is made of. */
export interface DeliveryFigure {
  status: FigureStatus;
  value: number | null;
  p85?: number | null;
  sample: number;
  terms: string;
}

export interface DeliveryFigures {
  deploymentFrequency: DeliveryFigure;
  leadTimeHours: DeliveryFigure;
  changeFailureRate: DeliveryFigure;
  timeToRestoreHours: DeliveryFigure;
}

/** Lead time and change failure rate of the changes that touched the top-interest files, and of the rest. */
export interface DebtSplit {
  /** Commits that changed a top-interest file; releases that shipped such a commit. */
  touched: { leadTimeHours: DeliveryFigure; changeFailureRate: DeliveryFigure };
  rest: { leadTimeHours: DeliveryFigure; changeFailureRate: DeliveryFigure };
}

/** Where releases come from: matching tags, merges to the current branch, or every commit on its first-parent line. */
export const RELEASE_SOURCES = ['tags', 'merges', 'commits'] as const;
export type ReleaseSource = (typeof RELEASE_SOURCES)[number];

/** The dashboard's Delivery section: the four figures per sprint and overall, and the debt against them. */
export interface DashboardDelivery {
  releasesFrom: ReleaseSource;
  /** Releases found in the whole history. */
  releases: number;
  /** The last sprints of the team calendar, oldest first, each with its allocation adherence (null: no plan yet). */
  sprints: Array<{ sprint: number; start: string; end: string; figures: DeliveryFigures; debt: DebtSplit | null; adherence: number | null }>;
  overall: { start: string; end: string; figures: DeliveryFigures; debt: DebtSplit | null };
  /** How many files count as top-interest in `debt` (the costliest tenth of the files that cost anything). */
  topFiles: number;
  /** What was left out and why (a tag not on a commit, an incident's bad "resolved"), one line each. */
  warnings: string[];
}
