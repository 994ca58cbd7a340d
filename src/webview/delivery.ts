import type { DashboardDelivery, DebtSplit, DeliveryFigure, DeliveryFigures } from '../shared/delivery';
import { formatFigure, formatFigureStatus, formatPercent, type DeliveryValueKind } from '../shared/format';
import { chartFigure, h, kpi } from './dom';

type Sprint = DashboardDelivery['sprints'][number];

/** The four figures: their key, the canvas that charts them per sprint, their name and how their value reads. */
export const DELIVERY_CHARTS: ReadonlyArray<{ key: keyof DeliveryFigures; canvas: string; title: string; kind: DeliveryValueKind }> = [
  { key: 'deploymentFrequency', canvas: 'chart-delivery-frequency', title: 'Deployment frequency (releases/week)', kind: 'rate' },
  { key: 'leadTimeHours', canvas: 'chart-delivery-lead', title: 'Lead time for changes (h, median and p85)', kind: 'time' },
  { key: 'changeFailureRate', canvas: 'chart-delivery-failure', title: 'Change failure rate (%)', kind: 'share' },
  { key: 'timeToRestoreHours', canvas: 'chart-delivery-restore', title: 'Time to restore (h, median and p85)', kind: 'time' },
];

export const sprintLabel = (sprint: Pick<Sprint, 'sprint'>): string => `S${sprint.sprint}`;

const SOURCES: Record<DashboardDelivery['releasesFrom'], string> = {
  tags: 'tags matching releaseTagPattern',
  merges: 'merges to the current branch',
  commits: 'every commit on the current branch (releaseFrom "commits")',
};

function source(delivery: DashboardDelivery): HTMLElement {
  const line = h('p', { class: 'muted delivery-source' }, `Releases from ${SOURCES[delivery.releasesFrom]}: ${delivery.releases} in the history.`);
  if (delivery.releasesFrom === 'merges' && delivery.releases === 0) line.append(h('span', { class: 'hint' }, ' No release tags and no merges: set "releaseFrom" (and "releaseTagPattern") in .debt/config.json; "commits" suits a team that squash-merges.'));
  return line;
}

function overallCells(delivery: DashboardDelivery): HTMLElement {
  const { overall } = delivery;
  const cells = DELIVERY_CHARTS.map(({ key, title, kind }) => {
    const figure = overall.figures[key];
    const cell = kpi(title.replace(/ \(.*\)$/, ''), formatFigureStatus(figure, kind), `n = ${figure.sample} · ${figure.terms}`);
    cell.title = figure.terms;
    cell.dataset.figure = key;
    cell.dataset.status = figure.status;
    return cell;
  });
  return h('div', { class: 'kpis delivery-kpis', 'aria-label': `Delivery ${overall.start} – ${overall.end}` }, ...cells);
}

/** Under a chart: the sprints it has no point for, grouped by why ("S3, S4: no data (n = 0)"). */
function gaps(sprints: readonly Sprint[], key: keyof DeliveryFigures, kind: DeliveryValueKind): HTMLElement[] {
  const byReason = new Map<string, string[]>();
  for (const sprint of sprints.filter((s) => s.figures[key].status !== 'ok')) {
    const reason = formatFigure(sprint.figures[key], kind);
    byReason.set(reason, [...(byReason.get(reason) ?? []), sprintLabel(sprint)]);
  }
  const missing = [...byReason].map(([reason, labels]) => `${labels.join(', ')}: ${reason}`);
  return missing.length ? [h('p', { class: 'muted chart-gaps' }, `No point for ${missing.join('; ')}.`)] : [];
}

const cell = (figure: DeliveryFigure, kind: DeliveryValueKind): HTMLElement => h('td', { 'data-status': figure.status }, formatFigure(figure, kind));

function debtRow(label: string, adherence: string, debt: DebtSplit | null): HTMLElement {
  const split = debt ? [cell(debt.touched.leadTimeHours, 'time'), cell(debt.rest.leadTimeHours, 'time'), cell(debt.touched.changeFailureRate, 'share'), cell(debt.rest.changeFailureRate, 'share')] : [h('td', { colspan: '4' }, 'no split')];
  return h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, adherence), ...split);
}

/** Debt against delivery: each sprint's adherence, and lead time and change failure of changes to the top-interest files against the rest. */
function debtTable(delivery: DashboardDelivery): HTMLElement[] {
  const intro = h('p', { class: 'muted' }, `Changes that touched the ${delivery.topFiles} top-interest files (the costliest tenth) against the rest, beside each sprint's allocation adherence.`);
  const heads = ['Sprint', 'Adherence', 'Lead time: top files', 'Lead time: rest', 'Change failure: top files', 'Change failure: rest'];
  const head = h('thead', {}, h('tr', {}, ...heads.map((text) => h('th', { scope: 'col' }, text))));
  const rows = delivery.sprints.map((sprint) => debtRow(`${sprintLabel(sprint)} (${sprint.start})`, formatPercent(sprint.adherence), sprint.debt));
  const table = h('table', { id: 'delivery-debt', class: 'delivery-debt' }, head, h('tbody', {}, ...rows, debtRow('overall', '', delivery.overall.debt)));
  return [h('h3', {}, 'Debt against delivery'), intro, h('div', { class: 'table-scroll' }, table)];
}

/** The Delivery section: the overall figures, the four per-sprint charts, debt against delivery and the warnings. */
export function renderDelivery(previous: ParentNode, delivery: DashboardDelivery): HTMLElement {
  const charts = DELIVERY_CHARTS.map(({ key, canvas, title, kind }) => chartFigure(previous, canvas, title, ...gaps(delivery.sprints, key, kind)));
  const warnings = delivery.warnings.length ? [h('h3', {}, 'Left out'), h('ul', { class: 'delivery-warnings' }, ...delivery.warnings.map((line) => h('li', {}, line)))] : [];
  return h(
    'section',
    { class: 'delivery', 'aria-label': 'Delivery' },
    h('h2', {}, 'Delivery'),
    source(delivery),
    overallCells(delivery),
    h('div', { class: 'charts delivery-charts' }, ...charts),
    ...(delivery.topFiles > 0 ? debtTable(delivery) : [h('p', { class: 'muted' }, 'No file costs any interest yet: nothing to set against delivery.')]),
    ...warnings,
  );
}
