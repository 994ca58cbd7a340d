import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';
import type { DashboardModel, Slice } from '../shared/dashboard';
import type { DashboardDelivery, DeliveryFigure } from '../shared/delivery';
import { DELIVERY_CHARTS, sprintLabel } from './delivery';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, LineController, LineElement, PointElement, Tooltip, Legend);

const css = (name: string, fallback: string): string => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

type Rgb = [number, number, number];

/** A CSS colour as RGB, read back through a canvas (which normalises any CSS colour to #rrggbb). */
function rgbOf(colour: string): Rgb {
  const context = document.createElement('canvas').getContext('2d')!;
  context.fillStyle = colour;
  const hex = /^#([0-9a-f]{6})$/i.exec(context.fillStyle)?.[1] ?? '808080';
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)) as Rgb;
}

const luminance = (rgb: Rgb): number => {
  const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

const contrast = (a: Rgb, b: Rgb): number => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);

/** WCAG's minimum for graphics against their background. */
const MIN_CONTRAST = 3;

/** The colour, moved toward the foreground until it stands out from the background (a theme's chart colour may not). */
function legible(colour: string, background: Rgb, foreground: Rgb): string {
  let rgb = rgbOf(colour);
  for (let step = 0; step < 10 && contrast(rgb, background) < MIN_CONTRAST; step++) rgb = rgb.map((c, i) => Math.round(c + (foreground[i]! - c) * 0.2)) as Rgb;
  return `rgb(${rgb.join(', ')})`;
}

function palette(): string[] {
  const background = rgbOf(css('--vscode-editor-background', '#1f1f1f'));
  const foreground = rgbOf(css('--vscode-foreground', '#cccccc'));
  return ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-purple', '--vscode-charts-red', '--vscode-charts-yellow'].map((name, i) => legible(css(name, ['#3794ff', '#d18616', '#89d185', '#b180d7', '#f14c4c', '#cca700'][i]!), background, foreground));
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
    labelCounts(canvas, existing);
    return;
  }
  existing?.destroy();
  charts.set(id, new Chart(canvas, config));
  labelCounts(canvas, charts.get(id)!);
}

/** How many labels each axis draws, on the canvas (tests check that no bar goes unnamed). */
function labelCounts(canvas: HTMLCanvasElement, chart: Chart): void {
  canvas.dataset.ticks = Object.entries(chart.scales)
    .map(([axis, scale]) => `${axis}:${scale.ticks.length}`)
    .join(',');
}

/** Category labels longer than this are shortened from the start ("…/deep/folder"), keeping the part that tells them apart. */
const MAX_LABEL = 28;
const shortLabel = (label: string): string => (label.length > MAX_LABEL ? `…${label.slice(-(MAX_LABEL - 1))}` : label);

/** A bar chart that labels every bar (Chart.js skips labels that would crowd, so half the areas went unnamed). */
const bar = (slices: Slice[], label: string, colour: string, horizontal = false): ChartConfiguration => {
  const category = { ticks: { autoSkip: false, callback: (_: unknown, index: number) => shortLabel(slices[index]?.label ?? '') } };
  return {
    type: 'bar',
    data: { labels: slices.map((s) => s.label), datasets: [{ label, data: slices.map((s) => Number(s.value.toFixed(2))), backgroundColor: colour }] },
    options: { indexAxis: horizontal ? 'y' : 'x', responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: horizontal ? { y: category } : { x: category } },
  };
};

/** A figure's point on a chart: none unless its status is 'ok' (a sprint without data is not a 0). */
const pointOf = (figure: DeliveryFigure, value: number | null | undefined, scale = 1): number | null => (figure.status === 'ok' && value != null ? Number((value * scale).toFixed(2)) : null);

/** The four delivery figures per sprint; each canvas carries its series as data-* attributes (labels, status, values, p85). */
function drawDelivery(delivery: DashboardDelivery, colours: string[]): void {
  const labels = delivery.sprints.map(sprintLabel);
  for (const [index, { key, canvas, kind }] of DELIVERY_CHARTS.entries()) {
    const figures = delivery.sprints.map((sprint) => sprint.figures[key]);
    const values = figures.map((figure) => pointOf(figure, figure.value, kind === 'share' ? 100 : 1));
    const p85 = figures.map((figure) => pointOf(figure, figure.p85));
    const element = document.getElementById(canvas);
    if (!element) continue;
    Object.assign(element.dataset, { labels: labels.join(','), status: figures.map((figure) => figure.status).join(','), values: values.map((value) => value ?? '').join(','), ...(kind === 'time' ? { p85: p85.map((value) => value ?? '').join(',') } : {}) });
    const colour = colours[index % colours.length]!;
    const datasets =
      kind === 'time'
        ? [
            { label: 'median', data: values, borderColor: colour, backgroundColor: colour, spanGaps: false },
            { label: 'p85', data: p85, borderColor: colours[4], backgroundColor: colours[4], borderDash: [4, 3], spanGaps: false },
          ]
        : [{ label: kind === 'share' ? '% of releases' : 'releases/week', data: values, backgroundColor: colour }];
    draw(canvas, { type: kind === 'time' ? 'line' : 'bar', data: { labels, datasets }, options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { display: kind === 'time', labels: { usePointStyle: true, boxHeight: 6 } } }, scales: { y: { beginAtZero: true, ...(kind === 'share' ? { max: 100 } : {}) } } } });
  }
}

/** Draws (or redraws) every chart of the dashboard from the model, in the current theme's colours. */
export function drawCharts(model: DashboardModel): void {
  themeDefaults();
  const colours = palette();
  draw('chart-folder', bar(model.byFolder, 'h/sprint', colours[0]!, true));
  draw('chart-owner', bar(model.byOwner, 'h/sprint', colours[3]!, true));
  draw('chart-payback', bar(model.paybackBins, 'items', colours[2]!));
  document.getElementById('chart-tag')?.setAttribute('data-colours', model.byTag.map((_, i) => colours[i % colours.length]!).join(';'));
  draw('chart-tag', {
    type: 'doughnut',
    data: { labels: model.byTag.map((s) => s.label), datasets: [{ data: model.byTag.map((s) => Number(s.value.toFixed(2))), backgroundColor: model.byTag.map((_, i) => colours[i % colours.length]!), borderColor: css('--vscode-editor-background', '#1f1f1f'), borderWidth: 2 }] },
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
  if (model.delivery) drawDelivery(model.delivery, colours);
}
