import type { DashboardItem, DashboardModel } from '../shared/dashboard';
import { DEFAULT_CALENDAR_NOTE, formatHours as hours, formatPayback, formatPercent, formatSprint } from '../shared/format';
import { EXPORT_FORMATS, planCommand, type PlanAction } from '../shared/protocol';
import { renderDelivery } from './delivery';
import { chartFigure, h, kpi } from './dom';
import type { Transport } from './transport';

export interface ViewState {
  sortKey: SortKey;
  descending: boolean;
  filter: string;
  tag: string;
  status: string;
  /** How many rows of the table are drawn; more on demand, so a large portfolio stays fast. */
  rows: number;
}

export const ROWS_PER_PAGE = 100;

export type SortKey = 'title' | 'owner' | 'status' | 'interest' | 'principal' | 'payback' | 'file';

export const INITIAL_STATE: ViewState = { sortKey: 'interest', descending: true, filter: '', tag: '', status: 'open+planned', rows: ROWS_PER_PAGE };

function renderKpis(model: DashboardModel): HTMLElement {
  const k = model.kpis;
  return h(
    'section',
    { class: 'kpis', 'aria-label': 'Key figures' },
    kpi('open items', String(k.openItems)),
    kpi('principal', hours(k.principal), 'to fix all open debt'),
    kpi('interest', `${hours(k.interest)}/sprint`, 'what the open debt costs each sprint'),
    kpi('budget', hours(k.budget), `planned: ${hours(k.plannedNext)} next sprint, ${hours(k.plannedThisSprint)} this sprint`),
    kpi('adherence', formatPercent(k.adherence), 'debt retired ÷ budget, past sprints'),
  );
}

export interface Actions {
  /** `source`: the control clicked (the report shows the command beside it). */
  plan(id: string, action: PlanAction, source?: Element): void;
  reveal(id: string): void;
  exportAs(format: string): void;
  /** Open where the team sets its sprint calendar (the editor only). */
  openCalendar(): void;
}

function actionButton(label: string, onClick: (button: HTMLElement) => void, description: string, light = false): HTMLElement {
  const button = light ? h('button', { class: 'row-action', title: description, 'aria-label': description }, label) : h('vscode-button', { secondary: '', title: description, 'aria-label': description }, label);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    onClick(button);
  });
  return button;
}

/** The default calendar's note; in the editor with a button to where the team sets its own. */
function calendarNote(model: DashboardModel, actions: Actions): HTMLElement {
  const note = h('p', { class: 'muted calendar-note' }, DEFAULT_CALENDAR_NOTE);
  if (!model.readOnly) note.append(' ', actionButton('Set the sprint calendar', () => actions.openCalendar(), 'Open .debt/config.json at firstSprintStart (or the keys to add, unsaved)', true));
  return note;
}

function renderPlan(model: DashboardModel, byId: Map<string, DashboardItem>, actions: Actions): HTMLElement {
  const next = model.roadmap[0];
  if (!next) return h('section', { class: 'plan' }, h('h2', {}, 'Sprint plan'), h('p', {}, 'No sprint to plan.'));
  const used = next.budget > 0 ? Math.min(100, (next.plannedHours / next.budget) * 100) : 0;
  const fill = h('div', { class: 'budget-fill' });
  fill.style.width = `${used.toFixed(1)}%`;
  const bar = h('div', { class: `budget-bar${next.overBudget ? ' over' : ''}`, role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(next.budget), 'aria-valuenow': String(next.plannedHours), 'aria-label': 'debt budget used' }, fill);
  const list = h('ol', { class: 'plan-items', id: 'plan-items' });
  for (const planned of next.items) {
    const item = byId.get(planned.id);
    if (!item) continue;
    const text = h('span', { class: 'plan-text' }, h('span', { class: 'plan-title' }, item.title), h('span', { class: 'plan-location' }, `${item.file}:${item.line}`), h('span', { class: 'muted' }, `${hours(item.principal)} · ${hours(item.interest)}/sprint · ${planned.reason}`));
    const li = h('li', { 'data-id': item.id, tabindex: '0' }, text);
    li.append(actionButton('Exclude', (button) => actions.plan(item.id, 'exclude', button), `Take ${item.title} out of the plan (marks it accepted)`));
    li.append(actionButton(item.pinned ? 'Unpin' : 'Pin', (button) => actions.plan(item.id, item.pinned ? 'unpin' : 'pin', button), item.pinned ? 'Let the planner decide' : 'Keep it in the next sprint'));
    li.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') actions.reveal(item.id);
    });
    list.append(li);
  }
  const roadmap = h('table', { class: 'roadmap' }, h('thead', {}, h('tr', {}, h('th', {}, 'Sprint'), h('th', {}, 'Dates'), h('th', {}, 'Items'), h('th', {}, 'Hours'), h('th', {}, 'Interest removed'))));
  const body = h('tbody');
  for (const s of model.roadmap) body.append(h('tr', {}, h('td', {}, String(s.sprint)), h('td', {}, `${s.start} – ${s.end}`), h('td', {}, String(s.items.length)), h('td', {}, `${hours(s.plannedHours)} / ${hours(s.budget)}`), h('td', {}, `${hours(s.interestRemoved)}/sprint`)));
  roadmap.append(body);
  return h(
    'section',
    { class: 'plan', 'aria-label': 'Sprint plan' },
    h('h2', {}, `${formatSprint(next.sprint, model.calendarSet)} plan (${next.start} – ${next.end})`),
    ...(model.calendarSet ? [] : [calendarNote(model, actions)]),
    h('p', {}, `${hours(next.plannedHours)} of ${hours(next.budget)} budget${next.overBudget ? ' (over budget)' : ''}; removes ${hours(next.interestRemoved)}/sprint of interest.`),
    bar,
    next.items.length ? list : h('p', { class: 'muted' }, 'Nothing planned: no open item fits the budget.'),
    h('h3', {}, 'Roadmap'),
    roadmap,
  );
}

/** Why the trend has no line to draw, or null when it has at least two points. */
export function trendGap(model: DashboardModel): string | null {
  if (model.trend.length >= 2) return null;
  return model.historyOff ? 'No trend yet: history is off.' : 'No trend yet: it needs at least two past sprints with commits.';
}

function renderCharts(previous: ParentNode, model: DashboardModel): HTMLElement {
  const chart = (id: string, title: string) => chartFigure(previous, id, title);
  const gap = trendGap(model);
  return h(
    'section',
    { class: 'charts', 'aria-label': 'Charts' },
    chart('chart-folder', 'Interest by area (h/sprint)'),
    chart('chart-tag', 'Interest by tag'),
    chart('chart-owner', 'Interest by owner (h/sprint)'),
    chart('chart-payback', 'Payback (sprints)'),
    gap ? h('figure', { class: 'chart' }, h('figcaption', {}, 'Trend over past sprints'), h('p', { class: 'muted chart-empty', id: 'trend-empty' }, gap)) : chart('chart-trend', 'Trend over past sprints'),
    chart('chart-allocation', 'Allocation vs target per sprint'),
  );
}

const SORTERS: Record<SortKey, (a: DashboardItem, b: DashboardItem) => number> = {
  title: (a, b) => a.title.localeCompare(b.title),
  owner: (a, b) => a.owner.localeCompare(b.owner),
  status: (a, b) => a.status.localeCompare(b.status),
  interest: (a, b) => a.interest - b.interest,
  principal: (a, b) => a.principal - b.principal,
  payback: (a, b) => (a.payback ?? Number.POSITIVE_INFINITY) - (b.payback ?? Number.POSITIVE_INFINITY),
  file: (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
};

/** The table's rows after filtering and sorting by the view state. */
export function visibleRows(items: DashboardItem[], state: ViewState): DashboardItem[] {
  const text = state.filter.toLowerCase();
  const statuses = state.status === 'open+planned' ? ['open', 'planned'] : state.status ? [state.status] : [];
  const rows = items.filter((item) => (!text || `${item.title} ${item.file} ${item.owner}`.toLowerCase().includes(text)) && (!state.tag || item.tag === state.tag) && (statuses.length === 0 || statuses.includes(item.status)));
  const sorter = SORTERS[state.sortKey];
  return rows.sort((a, b) => (state.descending ? -1 : 1) * sorter(a, b) || a.file.localeCompare(b.file) || a.line - b.line);
}

function select(id: string, label: string, options: Array<[string, string]>, value: string, onChange: (value: string) => void): HTMLElement {
  const element = h('select', { id, 'aria-label': label });
  for (const [optionValue, text] of options) {
    const option = h('option', { value: optionValue }, text) as HTMLOptionElement;
    option.selected = optionValue === value;
    element.append(option);
  }
  element.addEventListener('change', () => onChange((element as HTMLSelectElement).value));
  return h('label', {}, `${label} `, element);
}

function renderTable(model: DashboardModel, state: ViewState, update: (change: Partial<ViewState>) => void, actions: Actions): HTMLElement {
  const filter = h('input', { id: 'filter', type: 'search', placeholder: 'Filter by text, file or owner', 'aria-label': 'Filter items', value: state.filter }) as HTMLInputElement;
  filter.addEventListener('input', () => update({ filter: filter.value, rows: ROWS_PER_PAGE }));
  const tags = [...new Set(model.items.map((i) => i.tag))].sort();
  const controls = h(
    'div',
    { class: 'controls' },
    filter,
    select('tag-filter', 'Tag', [['', 'all'], ...tags.map((t): [string, string] => [t, t])], state.tag, (tag) => update({ tag, rows: ROWS_PER_PAGE })),
    select('status-filter', 'Status', [['open+planned', 'open + planned'], ['', 'all'], ['open', 'open'], ['planned', 'planned'], ['accepted', 'accepted'], ['wontfix', 'wontfix'], ['done', 'done']], state.status, (status) => update({ status, rows: ROWS_PER_PAGE })),
  );
  /** Each column's sort keys: the item's column sorts by title or by location, which it shows under the title. */
  const columns: Array<Array<[SortKey, string]>> = [[['title', 'Item'], ['file', 'location']], [['owner', 'Owner']], [['status', 'Status']], [['interest', 'Interest']], [['principal', 'Principal']], [['payback', 'Payback']]];
  const headRow = h('tr');
  for (const keys of columns) {
    const sortedHere = keys.find(([key]) => state.sortKey === key);
    const th = h('th', { scope: 'col', 'aria-sort': sortedHere ? (state.descending ? 'descending' : 'ascending') : 'none' });
    for (const [key, label] of keys) {
      const sorted = state.sortKey === key;
      const button = h('button', { class: 'sort', 'data-sort': key }, `${label}${sorted ? (state.descending ? ' ▼' : ' ▲') : ''}`);
      button.addEventListener('click', () => update({ sortKey: key, descending: sorted ? !state.descending : key !== 'title' && key !== 'owner' && key !== 'file' && key !== 'payback' }));
      th.append(button);
    }
    headRow.append(th);
  }
  headRow.append(h('th', { scope: 'col' }, 'Plan'));
  const body = h('tbody', { id: 'item-rows' });
  const rows = visibleRows(model.items, state);
  for (const item of rows.slice(0, state.rows)) {
    const row = h(
      'tr',
      { 'data-id': item.id, tabindex: '0', title: item.terms.join('\n') },
      h('td', { class: 'item' }, h('span', { class: 'item-title' }, item.title), h('span', { class: 'location' }, `${item.file}:${item.line}`)),
      item.ownerFromGit ? h('td', { class: 'owner', title: 'from git: the author of the line' }, item.owner, h('span', { class: 'muted' }, ' (git)')) : h('td', { class: 'owner' }, item.owner),
      h('td', {}, item.status),
      h('td', { class: 'num' }, `${hours(item.interest)}/sprint`),
      h('td', { class: 'num' }, hours(item.principal)),
      h('td', { class: 'num' }, formatPayback(item.payback, model.sprintLengthDays)),
    );
    const planCell = h('td');
    if (item.status === 'open') planCell.append(actionButton('Include', (button) => actions.plan(item.id, 'include', button), `Plan ${item.title} for the next sprint`, true));
    else if (item.status === 'planned') planCell.append(actionButton('Exclude', (button) => actions.plan(item.id, 'exclude', button), `Take ${item.title} out of the plan (marks it accepted)`, true));
    row.append(planCell);
    row.addEventListener('click', () => actions.reveal(item.id));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') actions.reveal(item.id);
    });
    body.append(row);
  }
  const more = rows.length > state.rows ? [actionButton(`Show ${Math.min(ROWS_PER_PAGE, rows.length - state.rows)} more of ${rows.length - state.rows}`, () => update({ rows: state.rows + ROWS_PER_PAGE }), 'Show more rows')] : [];
  return h('section', { class: 'items', 'aria-label': 'Items' }, h('h2', {}, `Items (${rows.length} of ${model.items.length})`), controls, h('table', { class: 'item-table' }, h('thead', {}, headRow), body), ...more);
}

const share = (value: number | null): string => (value === null ? 'no fix commits to predict' : `${(value * 100).toFixed(1).replace(/\.0$/, '')}%`);

/** "How well did this ranking predict the last quarters?": our back-test figures beside the baselines, and the verdicts. */
function renderBacktest(backtest: NonNullable<DashboardModel['backtest']>): HTMLElement {
  const head = h('tr', {}, h('th', { scope: 'col' }, 'ranking'), h('th', { scope: 'col' }, 'top 10%'), h('th', { scope: 'col' }, 'effort-aware 20%'));
  const rows = backtest.rows.map((row) => h('tr', row.ours ? { class: 'ours' } : {}, h('td', {}, row.ranking), h('td', {}, share(row.top10)), h('td', {}, share(row.effortAware))));
  const origins = backtest.origins.length ? `Mean over ${backtest.origins.length} origins (${backtest.origins.join(', ')}): share of the next 90 days' fix commits that landed in the files each ranking put first.` : '';
  return h(
    'section',
    { class: 'backtest', 'aria-label': 'Back-test' },
    h('h2', {}, 'How well did this ranking predict the last quarters?'),
    ...(origins ? [h('p', { class: 'muted' }, origins), h('table', { id: 'backtest-table' }, h('thead', {}, head), h('tbody', {}, ...rows))] : []),
    ...backtest.verdicts.map((line) => h('p', { class: 'verdict' }, line)),
  );
}

function renderExports(actions: Actions): HTMLElement {
  const section = h('section', { class: 'exports', 'aria-label': 'Export' }, h('span', {}, 'Export: '));
  for (const format of EXPORT_FORMATS) section.append(actionButton(format.toUpperCase(), () => actions.exportAs(format), `Export the portfolio as ${format.toUpperCase()}`));
  return section;
}

/** Renders the whole dashboard into `root`, keeping focus on the filter box if it had it. */
export function render(root: HTMLElement, model: DashboardModel, state: ViewState, update: (change: Partial<ViewState>) => void, actions: Actions): void {
  const hadFilterFocus = document.activeElement?.id === 'filter';
  const byId = new Map(model.items.map((item) => [item.id, item]));
  root.replaceChildren(
    h('header', {}, h('h1', {}, 'Tech Debt Portfolio'), h('p', { class: 'muted' }, `${model.root} · ${model.generatedAt.slice(0, 16).replace('T', ' ')}${model.readOnly ? ' · read-only report' : ''}`), ...model.notices.map((n) => h('p', { class: 'notice' }, n))),
    renderKpis(model),
    renderPlan(model, byId, actions),
    renderCharts(root, model),
    renderTable(model, state, update, actions),
    ...(model.backtest ? [renderBacktest(model.backtest)] : []),
    ...(model.delivery ? [renderDelivery(root, model.delivery)] : []),
    renderExports(actions),
    h('div', { id: 'status', role: 'status', 'aria-live': 'polite' }),
  );
  if (hadFilterFocus) {
    const filter = document.getElementById('filter') as HTMLInputElement | null;
    filter?.focus();
    filter?.setSelectionRange(filter.value.length, filter.value.length);
  }
}

/** In the read-only report a plan change is shown as the command that makes it, under the entry clicked and in the status line. */
export function showCommand(transport: Transport, id: string, action: PlanAction, clicked?: Element | null): void {
  if (!transport.readOnly) return;
  const command = planCommand(id, action);
  const status = document.getElementById('status');
  if (status) status.textContent = `Read-only report. To make this change run: ${command}`;
  const entry = clicked?.closest('li, td');
  if (!entry) return;
  entry.querySelector('.cli-command')?.remove();
  entry.append(h('code', { class: 'cli-command', title: 'Run this in the folder to make the change' }, command));
}
