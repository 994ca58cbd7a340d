import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { DashboardModel } from '../shared/dashboard';
import { drawCharts } from './charts';
import { INITIAL_STATE, render, showCommand, type Actions, type ViewState } from './render';
import { embeddedModel, inVsCode, onHostMessage, reportTransport, vscodeTransport } from './transport';

const transport = inVsCode() ? vscodeTransport() : reportTransport();
const root = document.getElementById('app')!;
let model: DashboardModel | undefined = embeddedModel();
let state: ViewState = { ...INITIAL_STATE, ...(transport.getState<ViewState>() ?? {}) };

const actions: Actions = {
  plan: (id, action, source) => (transport.readOnly ? showCommand(transport, id, action, source) : transport.post({ type: 'plan', id, action })),
  reveal: (id) => transport.post({ type: 'reveal', id }),
  openCalendar: () => transport.post({ type: 'openCalendar' }),
  exportAs: (format) => {
    if (transport.readOnly) {
      const status = document.getElementById('status');
      if (status) status.textContent = `Read-only report. To export run: debt-portfolio export --format ${format} --out portfolio.${format}`;
    } else transport.post({ type: 'export', format: format as 'csv' });
  },
};

function update(change: Partial<ViewState>): void {
  state = { ...state, ...change };
  transport.setState(state);
  draw();
}

function draw(): void {
  if (!model) return;
  const started = performance.now();
  render(root, model, state, update, actions);
  const charts = performance.now();
  drawCharts(model);
  document.body.dataset.lastChartsMs = (performance.now() - charts).toFixed(1);
  document.body.dataset.lastRenderMs = (performance.now() - started).toFixed(1);
  document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? '0') + 1);
}

/** The report without a theme of its own takes the reader's light or dark preference, and follows it when it changes. */
function followColourScheme(): void {
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    document.body.classList.remove('vscode-dark', 'vscode-light');
    document.body.classList.add(dark.matches ? 'vscode-dark' : 'vscode-light');
  };
  dark.addEventListener('change', apply);
  apply();
}

onHostMessage((message) => {
  if (message.type === 'model') {
    model = message.model;
    draw();
  } else if (message.type === 'focus') {
    update({ filter: '', status: '' });
    const row = document.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(message.id)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus();
  }
});

new MutationObserver(() => model && drawCharts(model)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
if (!inVsCode() && !/\bvscode-/.test(document.body.className)) followColourScheme();
draw();
transport.post({ type: 'ready' });
