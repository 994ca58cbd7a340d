/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toHtmlReport } from '../../../src/core/export/html';
import { toDashboardModel } from '../../../src/core/portfolio/dashboardModel';
import type { DashboardModel } from '../../../src/shared/dashboard';
import type { DashboardDelivery, DebtSplit, DeliveryFigure, DeliveryFigures } from '../../../src/shared/delivery';
import { DEFAULT_CALENDAR_NOTE } from '../../../src/shared/format';
import { launchChromium } from '../../helpers/chromium';
import { portfolioItem, portfolioView } from '../../helpers/builders';
import { makeTempDir, removeDir } from '../../helpers/tempDir';
import { reportAssets } from '../../helpers/webviewBundle';

const ARTIFACTS = path.join(__dirname, '../../../test-artifacts');
const WIDTHS = [1000, 1500, 2000];
const THEMES = ['vscode-dark', 'vscode-light'] as const;

const ok = (value: number, sample: number, p85?: number): DeliveryFigure => ({ status: 'ok', value, sample, terms: `${sample} samples`, ...(p85 === undefined ? {} : { p85 }) });
const tooFew = (sample: number, time = false): DeliveryFigure => ({ status: 'not-enough-data', value: null, sample, terms: `${sample} samples, fewer than 2`, ...(time ? { p85: null } : {}) });
const none = (time = false): DeliveryFigure => ({ status: 'no-data', value: null, sample: 0, terms: 'nothing to measure', ...(time ? { p85: null } : {}) });

const figures = (frequency: DeliveryFigure, lead: DeliveryFigure, failure: DeliveryFigure, restore: DeliveryFigure): DeliveryFigures => ({ deploymentFrequency: frequency, leadTimeHours: lead, changeFailureRate: failure, timeToRestoreHours: restore });
const split = (touched: [DeliveryFigure, DeliveryFigure], rest: [DeliveryFigure, DeliveryFigure]): DebtSplit => ({ touched: { leadTimeHours: touched[0], changeFailureRate: touched[1] }, rest: { leadTimeHours: rest[0], changeFailureRate: rest[1] } });

/** Three sprints: one with every figure, one with too few samples for most, one with no data at all. */
function delivery(): DashboardDelivery {
  return {
    releasesFrom: 'tags',
    releases: 7,
    sprints: [
      { sprint: 2, start: '2026-01-19', end: '2026-02-01', figures: figures(ok(1, 2), ok(24, 3, 40.8), ok(0.5, 2), ok(6, 2, 9)), debt: split([ok(48, 2, 60), ok(1, 2)], [ok(24, 2, 30), ok(0, 2)]), adherence: 0.75 },
      { sprint: 3, start: '2026-02-02', end: '2026-02-15', figures: figures(ok(0.5, 1), tooFew(1, true), tooFew(1), none(true)), debt: split([tooFew(1, true), none()], [tooFew(1, true), tooFew(1)]), adherence: null },
      { sprint: 4, start: '2026-02-16', end: '2026-03-01', figures: figures(none(), none(true), none(), none(true)), debt: split([none(true), none()], [none(true), none()]), adherence: null },
    ],
    overall: { start: '2026-01-19', end: '2026-03-01', figures: figures(ok(0.58, 3), ok(24, 4, 55.8), ok(0.5, 2), tooFew(1, true)), debt: split([ok(48, 2, 60), ok(1, 2)], [ok(24, 2, 30), ok(0, 2)]) },
    topFiles: 3,
    warnings: ['refs/tags/v9.9.9: the tag points at a blob, not a commit', '.debt/incidents.json: INC-6: "resolved" is not a date'],
  };
}

const model = (extras: Partial<DashboardModel> = {}, notices: string[] = []): DashboardModel => ({ ...toDashboardModel(portfolioView([portfolioItem({ file: 'src/parser/lexer.ts' }), portfolioItem({ file: 'lib/io.py' })]), { readOnly: true, notices, trend: [1, 2, 3].map((sprint) => ({ sprint, openItems: 5 - sprint, interest: 9 - sprint })), delivery: delivery() }), ...extras });

interface Drawn {
  labels: string;
  status: string;
  values: string;
  p85?: string;
  painted: number;
}

/** Each delivery canvas's data-* attributes and how many of its pixels are painted. */
function deliveryCanvases(page: Page): Promise<Record<string, Drawn>> {
  return page.$$eval('section.delivery canvas', (nodes) =>
    Object.fromEntries(
      nodes.map((node) => {
        const canvas = node as HTMLCanvasElement;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
        return [canvas.id, { ...canvas.dataset, painted } as unknown as Drawn];
      }),
    ),
  );
}

describe('the Delivery section in the report, in Chromium', function () {
  this.timeout(180_000);
  let browser: Browser;
  let dir: string;
  const errors: string[] = [];

  before(async () => {
    browser = await launchChromium();
    dir = makeTempDir('debt-delivery-');
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    removeDir(dir);
  });

  async function open(shown: DashboardModel, name: string, theme: (typeof THEMES)[number] = 'vscode-dark', width = 1280): Promise<Page> {
    const file = path.join(dir, `${name}-${theme}.html`);
    writeFileSync(file, toHtmlReport(shown, reportAssets(), theme));
    const page = await browser.newPage({ viewport: { width, height: 1200 } });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-rendered]');
    return page;
  }

  it('charts the four figures per sprint: a point only where the figure is ok, and says which sprints have none and why', async () => {
    const page = await open(model(), 'delivery');
    try {
      const drawn = await deliveryCanvases(page);
      assert.deepEqual(Object.keys(drawn).sort(), ['chart-delivery-failure', 'chart-delivery-frequency', 'chart-delivery-lead', 'chart-delivery-restore']);
      for (const canvas of Object.values(drawn)) assert.equal(canvas.labels, 'S2,S3,S4');
      assert.deepEqual(drawn['chart-delivery-frequency']!, { ...drawn['chart-delivery-frequency']!, status: 'ok,ok,no-data', values: '1,0.5,' });
      assert.deepEqual(drawn['chart-delivery-lead']!, { ...drawn['chart-delivery-lead']!, status: 'ok,not-enough-data,no-data', values: '24,,', p85: '40.8,,' });
      assert.deepEqual(drawn['chart-delivery-failure']!, { ...drawn['chart-delivery-failure']!, status: 'ok,not-enough-data,no-data', values: '50,,' });
      assert.deepEqual(drawn['chart-delivery-restore']!, { ...drawn['chart-delivery-restore']!, status: 'ok,no-data,no-data', values: '6,,', p85: '9,,' });
      for (const [id, canvas] of Object.entries(drawn)) assert.ok(canvas.painted > 100, `${id} is empty`);
      const gaps = await page.$$eval('section.delivery .chart-gaps', (nodes) => nodes.map((n) => n.textContent));
      assert.deepEqual(gaps, [
        'No point for S4: no data (n = 0).',
        'No point for S3: not enough data (n = 1); S4: no data (n = 0).',
        'No point for S3: not enough data (n = 1); S4: no data (n = 0).',
        'No point for S3, S4: no data (n = 0).',
      ]);
    } finally {
      await page.close();
    }
  });

  it('shows the overall figures with their terms and n, where releases come from, and the warnings', async () => {
    const page = await open(model(), 'delivery');
    try {
      const cells = await page.$$eval('.delivery-kpis .kpi', (nodes) => nodes.map((n) => [n.getAttribute('data-figure'), n.querySelector('.kpi-value')!.textContent, n.querySelector('.kpi-detail')!.textContent, n.getAttribute('title')]));
      assert.deepEqual(cells, [
        ['deploymentFrequency', '0.6/week', 'n = 3 · 3 samples', '3 samples'],
        ['leadTimeHours', '24 h · p85 2.3 d', 'n = 4 · 4 samples', '4 samples'],
        ['changeFailureRate', '50%', 'n = 2 · 2 samples', '2 samples'],
        ['timeToRestoreHours', 'not enough data', 'n = 1 · 1 samples, fewer than 2', '1 samples, fewer than 2'],
      ]);
      assert.equal(await page.textContent('.delivery-source'), 'Releases from tags matching releaseTagPattern: 7 in the history.');
      assert.deepEqual(await page.$$eval('.delivery-warnings li', (nodes) => nodes.map((n) => n.textContent)), delivery().warnings);
    } finally {
      await page.close();
    }
  });

  it('sets debt against delivery per sprint and overall: adherence (n/a without a plan), top files against the rest, with n', async () => {
    const page = await open(model(), 'delivery');
    try {
      const rows = await page.$$eval('#delivery-debt tbody tr', (nodes) => nodes.map((n) => Array.from(n.querySelectorAll('th, td'), (c) => c.textContent)));
      assert.deepEqual(rows, [
        ['S2 (2026-01-19)', '75%', '2 d · p85 2.5 d (n = 2)', '24 h · p85 30 h (n = 2)', '100% (n = 2)', '0% (n = 2)'],
        ['S3 (2026-02-02)', 'n/a', 'not enough data (n = 1)', 'not enough data (n = 1)', 'no data (n = 0)', 'not enough data (n = 1)'],
        ['S4 (2026-02-16)', 'n/a', 'no data (n = 0)', 'no data (n = 0)', 'no data (n = 0)', 'no data (n = 0)'],
        ['overall', '', '2 d · p85 2.5 d (n = 2)', '24 h · p85 30 h (n = 2)', '100% (n = 2)', '0% (n = 2)'],
      ]);
    } finally {
      await page.close();
    }
  });

  it('hints at releaseFrom when merges are the source and there are none; no section at all without delivery figures', async () => {
    const page = await open(model({ delivery: { ...delivery(), releasesFrom: 'merges', releases: 0 } }), 'no-merges');
    try {
      assert.match((await page.textContent('.delivery-source .hint')) ?? '', /set "releaseFrom" \(and "releaseTagPattern"\) in \.debt\/config\.json/);
    } finally {
      await page.close();
    }
    const without = await open(model({ delivery: null }), 'no-delivery');
    try {
      assert.equal(await without.$$eval('section.delivery', (nodes) => nodes.length), 0);
      assert.equal(await without.$$eval('canvas[id^="chart-delivery"]', (nodes) => nodes.length), 0);
    } finally {
      await without.close();
    }
  });

  it('replaces an empty trend chart by one line saying why, and names the calendar keys in the read-only report', async () => {
    const off = await open(model({ trend: [] }, ['git history is off: not a git repository']), 'trend-off');
    try {
      assert.equal(await off.textContent('#trend-empty'), 'No trend yet: history is off.');
      assert.equal(await off.$$eval('#chart-trend', (nodes) => nodes.length), 0);
      assert.equal(await off.textContent('.calendar-note'), DEFAULT_CALENDAR_NOTE);
      assert.match(DEFAULT_CALENDAR_NOTE, /"firstSprintStart".*"sprintLengthDays".*\.debt\/config\.json/);
      assert.equal(await off.$$eval('.calendar-note button', (nodes) => nodes.length), 0);
    } finally {
      await off.close();
    }
    const short = await open(model({ trend: [{ label: 'S1', openItems: 3, interest: 4 }] }), 'trend-short');
    try {
      assert.equal(await short.textContent('#trend-empty'), 'No trend yet: it needs at least two past sprints with commits.');
      await short.evaluate(() => {
        const next = JSON.parse(document.getElementById('dashboard-model')!.textContent!);
        next.trend.push({ label: 'S2', openItems: 4, interest: 5 });
        window.postMessage({ type: 'model', model: next }, '*');
      });
      await short.waitForSelector('#chart-trend');
      assert.equal(await short.getAttribute('#chart-trend', 'data-open-items'), '3,4');
      assert.equal(await short.$$eval('#trend-empty', (nodes) => nodes.length), 0);
    } finally {
      await short.close();
    }
  });

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      it(`${theme} at ${width} px: the section without horizontal overflow, every chart drawn`, async () => {
        const page = await open(model(), 'delivery', theme, width);
        try {
          await page.locator('section.delivery').screenshot({ path: path.join(ARTIFACTS, `delivery-${theme}-${width}.png`) });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.equal(overflow, 0, 'the page scrolls sideways');
          const tableOverflow = await page.$eval('#delivery-debt', (table) => table.scrollWidth - table.parentElement!.clientWidth);
          assert.ok(tableOverflow <= 0, `the comparison table is ${tableOverflow} px wider than its box`);
          for (const [id, canvas] of Object.entries(await deliveryCanvases(page))) assert.ok(canvas.painted > 100, `${id} is empty`);
        } finally {
          await page.close();
        }
      });
    }
  }

  it('logged no page error', () => assert.deepEqual(errors, []));
});
