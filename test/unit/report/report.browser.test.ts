/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toHtmlReport } from '../../../src/core/export/html';
import { toDashboardModel } from '../../../src/core/portfolio/dashboardModel';
import { launchChromium } from '../../helpers/chromium';
import { portfolioItem, portfolioView } from '../../helpers/builders';
import { makeTempDir, removeDir } from '../../helpers/tempDir';
import { reportAssets } from '../../helpers/webviewBundle';
import type { PortfolioItem } from '../../../src/core/portfolio/view';

const ARTIFACTS = path.join(__dirname, '../../../test-artifacts');
const THEMES = ['vscode-dark', 'vscode-light', 'vscode-high-contrast'] as const;

function scored(interest: number, principal: number, extra: Partial<PortfolioItem>): PortfolioItem {
  return portfolioItem({ score: { interest, principal, payback: interest > 0 ? principal / interest : null, cycleTimeInterest: interest, incidentInterest: 0, terms: [{ name: 'cycleTimeInterest', value: interest, unit: 'h/sprint', formula: `${interest} changes/sprint × 1 h × 1` }] }, ...extra } as Partial<PortfolioItem>);
}

function sampleModel() {
  const items = [
    scored(6, 4, { file: 'src/parser/lexer.ts', tag: 'HACK', text: 'string escapes <b>bold</b> </script>', owner: 'alice' } as never),
    scored(3, 8, { file: 'src/parser/grammar.ts', tag: 'TODO', text: 'split the grammar', owner: 'bob', status: 'planned', sprint: 3 } as never),
    scored(1, 2, { file: 'lib/io.py', tag: 'FIXME', text: 'retry on EINTR', owner: 'alice' } as never),
    scored(0.5, 16, { file: 'lib/db.py', tag: 'DEBT', text: 'replace the ORM' } as never),
    scored(0, 3, { file: 'docs/x.md', tag: 'TODO', text: 'document the CLI', status: 'accepted' } as never),
  ];
  const view = portfolioView(items);
  const trend = [1, 2, 3, 4, 5, 6].map((k) => ({ sprint: k, openItems: 10 - k, interest: 20 - k * 1.5 }));
  const backtest = {
    origins: ['2025-05-27', '2025-08-25'],
    rows: [
      { ranking: 'our ranking', ours: true, top10: 0.5, effortAware: 0.4 },
      { ranking: 'churn', ours: false, top10: 0.6, effortAware: 0.2 },
      { ranking: 'random', ours: false, top10: null, effortAware: null },
    ],
    verdicts: ['top-10% capture: churn (60%) did better than our ranking (50%)', 'effort-aware capture: our ranking (40%) did at least as well as every baseline'],
  };
  return toDashboardModel(view, { readOnly: true, trend, backtest });
}

/** Each canvas's id, width and how many of its pixels are painted. */
function paintedCanvases(page: Page): Promise<Array<{ id: string; width: number; painted: number }>> {
  return page.$$eval('canvas', (nodes) =>
    nodes.map((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return { id: c.id, width: c.width, painted };
    }),
  );
}

describe('HTML report in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let dir: string;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const model = sampleModel();

  before(async () => {
    browser = await launchChromium();
    dir = makeTempDir('debt-report-');
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    removeDir(dir);
  });

  async function open(theme: (typeof THEMES)[number] | undefined, colorScheme: 'light' | 'dark' = 'dark'): Promise<Page> {
    const file = path.join(dir, `report-${theme ?? 'auto'}.html`);
    writeFileSync(file, toHtmlReport(model, reportAssets(), theme));
    const next = await browser.newPage({ viewport: { width: 1280, height: 1800 }, colorScheme });
    next.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    next.on('pageerror', (error) => consoleErrors.push(String(error)));
    next.on('request', (request) => !request.url().startsWith('file:') && !request.url().startsWith('data:') && requests.push(request.url()));
    await next.goto(`file://${file}`);
    await next.waitForSelector('body[data-rendered]');
    return next;
  }

  before(async () => {
    page = await open('vscode-dark');
  });

  it('renders every chart onto its canvas', async () => {
    const canvases = await paintedCanvases(page);
    assert.deepEqual(canvases.map((c) => c.id).sort(), ['chart-allocation', 'chart-folder', 'chart-owner', 'chart-payback', 'chart-tag', 'chart-trend']);
    for (const canvas of canvases) assert.ok(canvas.width > 0 && canvas.painted > 100, `${canvas.id} is empty`);
  });

  it('keeps every chart drawn across a re-render (a new model arriving)', async () => {
    const before = Number(await page.getAttribute('body', 'data-rendered'));
    await page.evaluate(() => {
      const model = JSON.parse(document.getElementById('dashboard-model')!.textContent!);
      model.items[0].status = 'planned';
      window.postMessage({ type: 'model', model }, '*');
    });
    await page.waitForSelector(`body[data-rendered="${before + 1}"]`);
    const canvases = await paintedCanvases(page);
    assert.equal(canvases.length, 6);
    for (const canvas of canvases) assert.ok(canvas.painted > 100, `${canvas.id} is empty after the re-render`);
  });

  it('lists the planned items of the next sprint', async () => {
    const planned = await page.$$eval('#plan-items li', (nodes) => nodes.map((n) => n.getAttribute('data-id')));
    assert.deepEqual(planned, model.roadmap[0]!.items.map((i) => i.id));
    assert.ok(planned.length >= 2);
  });

  it('shows each planned item\'s file and line', async () => {
    const locations = await page.$$eval('#plan-items li .plan-location', (nodes) => nodes.map((n) => n.textContent));
    const byId = new Map(model.items.map((item) => [item.id, item]));
    assert.deepEqual(locations, model.roadmap[0]!.items.map((i) => `${byId.get(i.id)!.file}:${byId.get(i.id)!.line}`));
  });

  it('shows the current sprint in the allocation chart, between the past sprints and the plan', async () => {
    const labels = (await page.getAttribute('#chart-allocation', 'data-sprints'))!.split(',');
    const now = labels.indexOf(`S${model.currentSprint.sprint} (now)`);
    assert.ok(now >= 0, labels.join(','));
    assert.equal(labels[now + 1], `S${model.roadmap[0]!.sprint} (plan)`);
  });

  it('filters and sorts the item table', async () => {
    const rows = () => page.$$eval('#item-rows tr', (nodes) => nodes.map((n) => n.getAttribute('data-id')));
    const open = model.items.filter((i) => i.status === 'open' || i.status === 'planned');
    assert.deepEqual(await rows(), [...open].sort((a, b) => b.interest - a.interest).map((i) => i.id));
    await page.fill('#filter', 'parser');
    assert.deepEqual((await rows()).length, 2);
    await page.fill('#filter', '');
    await page.click('button[data-sort="principal"]');
    assert.deepEqual(await rows(), [...open].sort((a, b) => b.principal - a.principal).map((i) => i.id));
    await page.selectOption('#status-filter', '');
    assert.equal((await rows()).length, model.items.length);
  });

  it('shows plan edits as the CLI command to run, beside the entry clicked (read-only)', async () => {
    await page.click('#plan-items li vscode-button');
    const status = await page.textContent('#status');
    assert.match(status ?? '', /^Read-only report\. To make this change run: debt-portfolio status [0-9a-f]{16} --set accepted --unpin$/);
    const firstId = model.roadmap[0]!.items[0]!.id;
    assert.equal(await page.textContent('#plan-items li:first-child .cli-command'), `debt-portfolio status ${firstId} --set accepted --unpin`);
    await page.click('#item-rows tr button.row-action');
    assert.match((await page.textContent('#item-rows tr td .cli-command')) ?? '', /^debt-portfolio status [0-9a-f]{16} --set (planned|accepted --unpin)$/);
  });

  it('follows prefers-color-scheme with a light and a dark theme, and a change of it', async () => {
    const background = (themed: Page) => themed.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await open(undefined, 'light');
    assert.equal(await light.getAttribute('body', 'class'), 'vscode-light');
    assert.equal(await background(light), 'rgb(255, 255, 255)');
    await light.screenshot({ path: path.join(ARTIFACTS, 'report-auto-light.png'), fullPage: true });
    await light.emulateMedia({ colorScheme: 'dark' });
    await light.waitForFunction(() => document.body.className === 'vscode-dark');
    assert.equal(await background(light), 'rgb(31, 31, 31)');
    await light.close();
    const dark = await open(undefined, 'dark');
    assert.equal(await dark.getAttribute('body', 'class'), 'vscode-dark');
    const canvases = await paintedCanvases(dark);
    for (const canvas of canvases) assert.ok(canvas.painted > 100, `${canvas.id} is empty`);
    await dark.screenshot({ path: path.join(ARTIFACTS, 'report-auto-dark.png'), fullPage: true });
    await dark.close();
  });

  it('shows how well the ranking predicted the last quarters, and says plainly when a baseline did better', async () => {
    assert.equal(await page.textContent('section.backtest h2'), 'How well did this ranking predict the last quarters?');
    const rows = await page.$$eval('#backtest-table tbody tr', (nodes) => nodes.map((n) => [n.className, ...Array.from(n.querySelectorAll('td'), (td) => td.textContent)]));
    assert.deepEqual(rows, [['ours', 'our ranking', '50%', '40%'], ['', 'churn', '60%', '20%'], ['', 'random', 'no fix commits to predict', 'no fix commits to predict']]);
    assert.deepEqual(await page.$$eval('section.backtest p.verdict', (nodes) => nodes.map((n) => n.textContent)), model.backtest!.verdicts);
  });

  it('keeps hostile item text inert', async () => {
    assert.equal(await page.$$eval('main b', (nodes) => nodes.length), 0);
    assert.ok((await page.textContent('#item-rows'))?.includes('<b>bold</b> </script>'));
  });

  it('loads nothing from the network and logs no console error, in every theme', async () => {
    for (const theme of THEMES) {
      const themed = theme === 'vscode-dark' ? page : await open(theme);
      await themed.screenshot({ path: path.join(ARTIFACTS, `report-${theme}.png`), fullPage: true });
      if (themed !== page) await themed.close();
    }
    assert.deepEqual(requests, []);
    assert.deepEqual(consoleErrors, []);
  });
});
