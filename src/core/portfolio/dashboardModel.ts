import type { DashboardModel, Slice } from '../../shared/dashboard';
import { groupItems } from './grouping';
import { explain, isOpen, titleOf, type PortfolioItem, type PortfolioView } from './view';

const PAYBACK_BINS: Array<[string, number]> = [
  ['< 1', 1],
  ['1–2', 2],
  ['2–4', 4],
  ['4–8', 8],
  ['8–16', 16],
  ['≥ 16', Number.POSITIVE_INFINITY],
];

/** The files at the root, grouped by folder, are a group of their own: named so, not ".". */
const TOP_LEVEL = '(top level)';

function slices(items: PortfolioItem[], by: 'folder' | 'tag' | 'owner', top = 12): Slice[] {
  return groupItems(items, by, 'interest')
    .slice(0, top)
    .map((group) => ({ label: by === 'folder' && group.key === '.' ? TOP_LEVEL : group.key, value: group.interest }));
}

function paybackBins(items: PortfolioItem[]): Slice[] {
  const counts = PAYBACK_BINS.map(([label]) => ({ label, value: 0 }));
  const none = { label: 'no interest', value: 0 };
  for (const item of items) {
    const payback = item.score.payback;
    if (payback === null) none.value++;
    else counts[PAYBACK_BINS.findIndex(([, upTo]) => payback < upTo)]!.value++;
  }
  return [...counts, none];
}

/** How a notice says that git history is off (core/history's historyOff, the extension's untrusted workspace). */
const HISTORY_OFF_NOTICE = /^(git history is off\b|untrusted workspace: git is off)/;

export interface DashboardExtras {
  readOnly: boolean;
  notices?: string[];
  /** Past sprints' open items and interest (pipeline/trend), oldest first. */
  trend?: ReadonlyArray<{ sprint: number; openItems: number; interest: number }>;
  backtest?: DashboardModel['backtest'];
  delivery?: DashboardModel['delivery'];
}

/** The dashboard's model of a portfolio: KPIs, plan, chart series and table rows. */
export function toDashboardModel(view: PortfolioView, extras: DashboardExtras): DashboardModel {
  const open = view.items.filter(isOpen);
  const { plan } = view;
  const next = plan.roadmap[0];
  const adherence = plan.adherence.length ? plan.adherence.reduce((sum, s) => sum + s.adherence, 0) / plan.adherence.length : null;
  return {
    generatedAt: view.generatedAt,
    root: view.root,
    readOnly: extras.readOnly,
    kpis: {
      openItems: view.totals.openItems,
      principal: view.totals.principal,
      interest: view.totals.interest,
      budget: plan.budget,
      plannedNext: next?.plannedHours ?? 0,
      plannedThisSprint: plan.current.plannedHours,
      adherence,
    },
    currentSprint: { sprint: plan.current.sprint, start: plan.current.start, end: plan.current.end },
    roadmap: plan.roadmap.map((s) => ({ sprint: s.sprint, start: s.start, end: s.end, budget: s.budget, plannedHours: s.plannedHours, interestRemoved: s.interestRemoved, overBudget: s.overBudget, items: s.items.map(({ id, reason }) => ({ id, reason })) })),
    adherence: plan.adherence.map((s) => ({ sprint: s.sprint, retired: s.retiredPrincipal, budget: s.budget })),
    trend: (extras.trend ?? []).map((point) => ({ label: `S${point.sprint}`, openItems: point.openItems, interest: point.interest })),
    byFolder: slices(open, 'folder'),
    byTag: slices(open, 'tag'),
    byOwner: slices(open, 'owner'),
    paybackBins: paybackBins(open),
    items: view.items.map((item) => ({
      id: item.id,
      title: titleOf(item),
      kind: item.kind,
      tag: item.kind === 'annotation' ? item.tag : item.kind,
      file: item.file,
      line: item.line,
      owner: item.owner ?? '',
      ...(item.ownerFrom === 'git' ? { ownerFromGit: true } : {}),
      status: item.status,
      sprint: item.sprint ?? null,
      pinned: item.pinned === true,
      interest: item.score.interest,
      principal: item.score.principal,
      payback: item.score.payback,
      terms: item.score.terms.map(explain),
    })),
    notices: extras.notices ?? [],
    historyOff: (extras.notices ?? []).find((notice) => HISTORY_OFF_NOTICE.test(notice)) ?? null,
    backtest: extras.backtest ?? null,
    delivery: extras.delivery ?? null,
    sprintLengthDays: view.sprintLengthDays ?? 14,
    calendarSet: view.calendarSet === true,
  };
}
