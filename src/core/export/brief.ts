import type { DashboardItem, DashboardModel } from '../../shared/dashboard';
import type { DebtSplit, DeliveryFigure, DeliveryFigures } from '../../shared/delivery';
import { DEFAULT_CALENDAR_NOTE, formatCapture, formatChange, formatFigure, formatHours, formatInterest, formatPayback, formatPercent, formatSprint } from '../../shared/format';
import { escapeHtml } from '../../shared/page';
import { withoutControls } from '../text/controls';
import { isOpen, type PortfolioItem } from '../portfolio/view';

/** One of the brief's items worth paying: its title, where it is, and its numbers in words. */
interface BriefItem {
  title: string;
  where: string;
  numbers: string;
}

type Block = { kind: 'p'; text: string } | { kind: 'ul'; lines: string[] } | { kind: 'items'; items: BriefItem[] };

interface Section {
  heading: string;
  blocks: Block[];
}

interface Brief {
  title: string;
  subtitle: string;
  headline: Array<[label: string, value: string]>;
  sections: Section[];
}

const paragraph = (text: string): Block => ({ kind: 'p', text });


function trendSentence(model: DashboardModel): string {
  const { trend } = model;
  if (trend.length === 0) return `No trend yet: ${model.historyOff ?? 'the trend is read from git history, and there is none here'}.`;
  if (trend.length === 1) return 'No trend yet: one sprint measured (trendSprints in .debt/config.json sets how many).';
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  const span = `over ${trend.length - 1} sprints (${first.label} to ${last.label}, the code at each sprint's start)`;
  const what = 'The interest of the tagged debt and hotspots (the trend leaves out the costs of whole files)';
  if (first.interest <= 0 && last.interest <= 0) return `No trend yet: no interest in the tagged debt and hotspots at the start of the last ${trend.length} sprints.`;
  if (first.interest <= 0) return `${what} ${span}: up from 0 to ${formatInterest(last.interest)}.`;
  return `${what} ${span}: ${formatChange(first.interest, last.interest)}, from ${formatInterest(first.interest)} to ${formatInterest(last.interest)}.`;
}

function debtSection(model: DashboardModel): Section {
  const { kpis } = model;
  if (model.items.length === 0) return { heading: 'The debt', blocks: [paragraph('No debt items found: no tagged comments, hotspots or costly files in this folder.')] };
  return {
    heading: 'The debt',
    blocks: [
      paragraph(`${kpis.openItems} open items cost ${formatInterest(kpis.interest)} in interest (hours lost every sprint they stay) and ${formatHours(kpis.principal)} of principal (hours to fix them all).`),
      paragraph(trendSentence(model)),
    ],
  };
}

/** Interest removed by the items planned into the current sprint: the model's own items, filtered as the plan files them. */
const interestPlannedNow = (model: DashboardModel): number =>
  model.items.filter((item) => item.status === 'planned' && item.sprint !== null && item.sprint <= model.currentSprint.sprint).reduce((sum, item) => sum + item.interest, 0);

function planSection(model: DashboardModel): Section {
  const { kpis, currentSprint, calendarSet } = model;
  const now = `${formatSprint(currentSprint.sprint, calendarSet)} (${currentSprint.start} to ${currentSprint.end})`;
  const blocks = [
    paragraph(
      kpis.plannedThisSprint > 0
        ? `${now}: ${formatHours(kpis.plannedThisSprint)} of principal planned against a debt budget of ${formatHours(kpis.budget)}, removing ${formatInterest(interestPlannedNow(model))} of interest.`
        : `${now}: nothing planned yet, against a debt budget of ${formatHours(kpis.budget)}.`,
    ),
  ];
  const next = model.roadmap[0];
  if (!next) blocks.push(paragraph('No sprint ahead is planned (roadmapSprints in .debt/config.json is 0).'));
  else {
    const over = next.overBudget ? ' (over budget: planned and pinned items come first)' : '';
    const fills = next.items.length === 0 ? 'nothing: no open item fits the budget' : `${next.items.length} items, ${formatHours(next.plannedHours)} of principal against the ${formatHours(next.budget)} budget${over}, removing ${formatInterest(next.interestRemoved)} of interest for good`;
    blocks.push(paragraph(`The plan for ${formatSprint(next.sprint, calendarSet)} (${next.start} to ${next.end}) takes ${fills}.`));
  }
  return { heading: "This sprint's plan", blocks };
}

function adherenceSection(model: DashboardModel): Section {
  const last = model.adherence[model.adherence.length - 1];
  if (model.kpis.adherence === null || !last) return { heading: 'Adherence to the allocation target', blocks: [paragraph('n/a: no past sprint had a plan to measure against yet.')] };
  const mean = `${formatPercent(model.kpis.adherence)} of the debt budget retired on average over the last ${model.adherence.length} sprints`;
  return { heading: 'Adherence to the allocation target', blocks: [paragraph(`${mean}; sprint ${last.sprint}: ${formatHours(last.retired)} retired of ${formatHours(last.budget)}.`)] };
}

const time = (figure: DeliveryFigure): string => formatFigure(figure, 'time');
const rate = (figure: DeliveryFigure): string => formatFigure(figure, 'share');

const figureLines = (figures: DeliveryFigures): string[] => [
  `Deployment frequency (releases): ${formatFigure(figures.deploymentFrequency, 'rate')}`,
  `Lead time for changes (median · p85): ${time(figures.leadTimeHours)}`,
  `Change failure rate: ${rate(figures.changeFailureRate)}`,
  `Time to restore (median · p85): ${time(figures.timeToRestoreHours)}`,
];

function debtAgainstDelivery(debt: DebtSplit | null, topFiles: number): string {
  if (!debt || topFiles === 0) return 'Debt against delivery: no file costs interest yet, so there is nothing to compare.';
  const files = `the ${topFiles} top-interest ${topFiles === 1 ? 'file' : 'files'}`;
  const lead = `Lead time: ${time(debt.touched.leadTimeHours)} for changes to ${files}, against ${time(debt.rest.leadTimeHours)} for the rest.`;
  return `${lead} Change failure rate: ${rate(debt.touched.changeFailureRate)} for releases that shipped them, against ${rate(debt.rest.changeFailureRate)} for the others.`;
}

function deliverySection(model: DashboardModel): Section {
  const { delivery } = model;
  const heading = 'Delivery';
  if (!delivery) return { heading, blocks: [paragraph(`Not in this brief: ${model.historyOff ?? 'delivery is measured today, not for a past portfolio (--as-of)'}.`)] };
  const { overall } = delivery;
  return {
    heading,
    blocks: [
      paragraph(`From ${overall.start} to ${overall.end}; releases are ${delivery.releasesFrom === 'tags' ? 'release tags' : delivery.releasesFrom === 'merges' ? 'merges to the current branch' : 'commits on the current branch'} (${delivery.releases} in the history).`),
      { kind: 'ul', lines: figureLines(overall.figures) },
      paragraph(debtAgainstDelivery(overall.debt, delivery.topFiles)),
    ],
  };
}

type Metric = 'top10' | 'effortAware';
const METRIC_NAMES: Record<Metric, string> = { top10: 'top-10% capture', effortAware: 'effort-aware capture' };

/** Ours against the best baseline on a metric, and whether a baseline beat ours; null without fix commits to predict. */
function bestBaseline(rows: NonNullable<DashboardModel['backtest']>['rows'], metric: Metric): { line: string; beaten: boolean; best: string; metric: string } | null {
  const ours = rows.find((row) => row.ours)?.[metric];
  const best = rows.filter((row) => !row.ours && row[metric] !== null).sort((a, b) => b[metric]! - a[metric]!)[0];
  if (ours === null || ours === undefined || !best) return null;
  const line = `${METRIC_NAMES[metric]}: our ranking ${formatCapture(ours)}, the best baseline (${best.ranking}) ${formatCapture(best[metric]!)}`;
  return { line, beaten: best[metric]! > ours, best: best.ranking, metric: METRIC_NAMES[metric] };
}

function backtestSection(model: DashboardModel): Section {
  const heading = 'Evidence for the ranking (back-test)';
  const { backtest } = model;
  if (!backtest) return { heading, blocks: [paragraph(`Not run: ${model.historyOff ?? 'the back-test was left out (--no-backtest)'}.`)] };
  if (backtest.origins.length === 0) return { heading, blocks: [{ kind: 'ul', lines: backtest.verdicts }] };
  const comparisons = (['top10', 'effortAware'] as const).map((metric) => bestBaseline(backtest.rows, metric)).filter((c) => c !== null);
  const beaten = comparisons.filter((c) => c.beaten);
  const first = backtest.origins[0]!;
  const last = backtest.origins[backtest.origins.length - 1]!;
  const origins = `Ranked at ${backtest.origins.length} past ${backtest.origins.length === 1 ? `commit (${first})` : `commits (${first} to ${last})`} with only the history before each, then checked where the fix commits that followed landed.`;
  const plainly = beaten.length
    ? `Plainly: ${beaten.map((c) => `${c.best} predicted better than our ranking on ${c.metric}`).join('; ')}. The ranking is not yet proven on this repository.`
    : 'Our ranking did at least as well as every baseline.';
  return { heading, blocks: [paragraph(origins), { kind: 'ul', lines: comparisons.map((c) => c.line) }, paragraph(plainly), { kind: 'ul', lines: backtest.verdicts }] };
}

/** The open items with interest that pay back soonest, ties by interest: the model's own numbers, sorted. */
export function itemsWorthPaying(items: readonly DashboardItem[], count = 3): DashboardItem[] {
  return items
    .filter((item) => isOpen({ status: item.status as PortfolioItem['status'] }) && item.interest > 0)
    .sort((a, b) => (a.payback ?? Infinity) - (b.payback ?? Infinity) || b.interest - a.interest)
    .slice(0, count);
}

function itemsSection(model: DashboardModel): Section {
  const heading = 'Three items most worth paying';
  const best = itemsWorthPaying(model.items);
  if (best.length === 0) return { heading, blocks: [paragraph(model.items.length === 0 ? 'None: there are no debt items.' : 'None: no open item costs interest yet.')] };
  const items = best.map((item) => ({
    title: item.title,
    where: `${item.file}:${item.line}`,
    numbers: `costs ${formatHours(item.interest)} every sprint; ${formatHours(item.principal)} to fix; pays back in ${formatPayback(item.payback, model.sprintLengthDays)}`,
  }));
  return { heading, blocks: [{ kind: 'items', items }] };
}

function notesSection(model: DashboardModel): Section | undefined {
  const notes = [...(model.calendarSet ? [] : [DEFAULT_CALENDAR_NOTE]), ...model.notices];
  return notes.length ? { heading: 'Notes', blocks: [{ kind: 'ul', lines: notes }] } : undefined;
}

function briefOf(model: DashboardModel): Brief {
  const sections = [debtSection(model), planSection(model), adherenceSection(model), deliverySection(model), backtestSection(model), itemsSection(model), notesSection(model)];
  return {
    title: 'Technical debt brief',
    subtitle: `${model.root} · ${model.generatedAt.slice(0, 10)} · ${formatSprint(model.currentSprint.sprint, model.calendarSet)}`,
    headline: [
      ['Interest', formatInterest(model.kpis.interest)],
      ['Principal', formatHours(model.kpis.principal)],
      ['Open items', String(model.kpis.openItems)],
      ['Debt budget', `${formatHours(model.kpis.budget)}/sprint`],
      ['Adherence', formatPercent(model.kpis.adherence)],
    ],
    sections: sections.filter((section) => section !== undefined),
  };
}

/**
 * Makes text inert in Markdown: every character that could start a link, an image, an autolink, raw HTML, an
 * entity, code or emphasis is escaped, and so is a block marker at the start.
 */
const mdText = (text: string): string =>
  text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_[\]<>&~|]/g, '\\$&')
    .replace(/^(\s*)(>|#{1,6}(?=\s|$)|[-+=](?=\s|$)|\d+[.)](?=\s|$)|[-=]{3,}\s*$)/, '$1\\$2');

function markdownBlock(block: Block): string {
  if (block.kind === 'p') return mdText(block.text);
  if (block.kind === 'ul') return block.lines.map((line) => `- ${mdText(line)}`).join('\n');
  return block.items.map((item, i) => `${i + 1}. **${mdText(item.title)}** (${mdText(item.where)}): ${mdText(item.numbers)}.`).join('\n');
}

function toMarkdownBrief(brief: Brief): string {
  const headline = brief.headline.map(([label, value]) => `**${label}** ${mdText(value)}`).join(' · ');
  const sections = brief.sections.map((section) => `## ${section.heading}\n\n${section.blocks.map(markdownBlock).join('\n\n')}`);
  return `# ${brief.title}\n\n${mdText(brief.subtitle)}\n\n${headline}\n\n${sections.join('\n\n')}\n`;
}

function htmlBlock(block: Block): string {
  if (block.kind === 'p') return `<p>${escapeHtml(block.text)}</p>`;
  if (block.kind === 'ul') return `<ul>${block.lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
  return `<ol class="items">${block.items.map((item) => `<li><strong>${escapeHtml(item.title)}</strong> <code>${escapeHtml(item.where)}</code><br>${escapeHtml(item.numbers)}.</li>`).join('')}</ol>`;
}

const BRIEF_CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de; --accent: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --line: #30363d; --accent: #4493f8; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 760px; margin: 0 auto; padding: 24px 20px; overflow-wrap: anywhere; }
h1 { font-size: 22px; margin: 0 0 2px; }
h2 { font-size: 15px; margin: 16px 0 4px; padding-bottom: 2px; border-bottom: 1px solid var(--line); color: var(--accent); }
p, ul, ol { margin: 4px 0; }
ul, ol { padding-left: 20px; }
.subtitle { color: var(--muted); margin: 0 0 10px; }
.headline { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; }
.headline div { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; min-width: 120px; flex: 1 1 120px; }
.headline dt { color: var(--muted); font-size: 12px; }
.headline dd { margin: 0; font-size: 17px; font-weight: 600; }
.items li { margin-bottom: 4px; }
code { font: 0.86em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
@page { size: A4; margin: 12mm; }
@media print {
  :root { --fg: #000000; --muted: #444444; --bg: #ffffff; --panel: #ffffff; --line: #999999; --accent: #000000; }
  body { font-size: 10.5px; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 17px; }
  h2 { font-size: 12px; margin-top: 9px; break-after: avoid; }
  .headline dd { font-size: 13px; }
  section { break-inside: avoid; }
}`;

function toHtmlBrief(brief: Brief): string {
  const headline = brief.headline.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('');
  const sections = brief.sections.map((section) => `<section><h2>${escapeHtml(section.heading)}</h2>${section.blocks.map(htmlBlock).join('')}</section>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${brief.title}: ${brief.subtitle}`)}</title>
<style>${BRIEF_CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(brief.title)}</h1>
<p class="subtitle">${escapeHtml(brief.subtitle)}</p>
<dl class="headline">${headline}</dl>
${sections}
</main>
</body>
</html>
`;
}

/** The one-page brief for stakeholders: the dashboard's model in words, as Markdown or a self-contained HTML page. */
export function toBrief(model: DashboardModel, format: 'md' | 'html'): string {
  const brief = briefOf(model);
  return withoutControls(format === 'md' ? toMarkdownBrief(brief) : toHtmlBrief(brief));
}
