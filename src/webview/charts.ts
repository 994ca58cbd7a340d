import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { DashboardModel, Slice } from '../shared/dashboard';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, LineController, LineElement, PointElement, Tooltip, Legend);

const css = (name: string, fallback: string): string => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

function palette(): string[] {
  return ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'].map((name, i) => css(name, ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'][i]!));
}

function themeDefaults(): void {
  Chart.defaults.color = css('--vscode-foreground', '#cccccc');
  Chart.defaults.borderColor = css('--vscode-panel-border', 'rgba(128,128,128,0.35)');
  Chart.defaults.font.family = css('--vscode-font-family', 'system-ui, sans-serif');
  Chart.defaults.animation = false;
}

const charts = new Map<string, Chart>();

/**
 * Draws a chart on its canvas. The chart section outlives re-renders, so a redraw keeps the chart and only
 * swaps its data and options (Chart.js's update): several times faster than building it again.
 */
function draw(id: string, config: ChartConfiguration): void {
  const canvas = document.getElementById(id) as HTMLCanvasElement | null;
  if (!canvas) return;
  const existing = charts.get(id);
  if (existing && existing.canvas === canvas && (existing.config as ChartConfiguration).type === config.type) {
    existing.data = config.data;
    existing.options = config.options ?? {};
    existing.update('none');
    return;
  }
  existing?.destroy();
  charts.set(id, new Chart(canvas, config));
}

const bar = (slices: Slice[], label: string, colour: string, horizontal = false): ChartConfiguration => ({
  type: 'bar',
  data: { labels: slices.map((s) => s.label), datasets: [{ label, data: slices.map((s) => Number(s.value.toFixed(2))), backgroundColor: colour }] },
  options: { indexAxis: horizontal ? 'y' : 'x', responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } } },
});

/** Draws (or redraws) every chart of the dashboard from the model, in the current theme's colours. */
export function drawCharts(model: DashboardModel): void {
  themeDefaults();
  const colours = palette();
  draw('chart-folder', bar(model.byFolder, 'h/sprint', colours[0]!, true));
  draw('chart-owner', bar(model.byOwner, 'h/sprint', colours[3]!, true));
  draw('chart-payback', bar(model.paybackBins, 'items', colours[2]!));
  draw('chart-tag', {
    type: 'doughnut',
    data: { labels: model.byTag.map((s) => s.label), datasets: [{ data: model.byTag.map((s) => Number(s.value.toFixed(2))), backgroundColor: model.byTag.map((_, i) => colours[i % colours.length]!) }] },
    options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'right' } } },
  });
  document.getElementById('chart-trend')?.setAttribute('data-open-items', model.trend.map((t) => t.openItems).join(','));
  draw('chart-trend', {
    type: 'line',
    data: {
      labels: model.trend.map((t) => t.label),
      datasets: [
        { label: 'open items', data: model.trend.map((t) => t.openItems), borderColor: colours[0], backgroundColor: colours[0], yAxisID: 'y' },
        { label: 'interest (h/sprint)', data: model.trend.map((t) => Number(t.interest.toFixed(2))), borderColor: colours[4], backgroundColor: colours[4], yAxisID: 'y1' },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: { position: 'left', beginAtZero: true }, y1: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false } } } },
  });
  const current = { label: `S${model.currentSprint.sprint} (now)`, done: model.kpis.plannedThisSprint, budget: model.kpis.budget };
  const sprints = [...model.adherence.map((a) => ({ label: `S${a.sprint}`, done: a.retired, budget: a.budget })), current, ...model.roadmap.map((r) => ({ label: `S${r.sprint} (plan)`, done: r.plannedHours, budget: r.budget }))];
  document.getElementById('chart-allocation')?.setAttribute('data-sprints', sprints.map((s) => s.label).join(','));
  draw('chart-allocation', {
    type: 'bar',
    data: {
      labels: sprints.map((s) => s.label),
      datasets: [
        { label: 'debt hours (retired, or planned)', data: sprints.map((s) => Number(s.done.toFixed(2))), backgroundColor: colours[2] },
        { label: 'target (budget)', data: sprints.map((s) => s.budget), backgroundColor: colours[1], type: 'line' as never, borderColor: colours[1] },
      ],
    },
    options: { responsive: true, maintainAspectRatio: false },
  });
}
