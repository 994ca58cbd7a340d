/* global document, window */
/** Dashboard benchmark (issue 7): opening the dashboard with 5,000 items, and re-rendering after a plan change. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { fmt, median } from './lib/tools.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ITEMS = 5000;
const dir = mkdtempSync(path.join(tmpdir(), 'debt-dash-'));
const file = path.join(dir, 'report.html');
execFileSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench/lib/dashboardModel.ts'), String(ITEMS), file], { cwd: repo });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const opens = [];
const firstRenders = [];
const rerenders = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-rendered="1"]');
    opens.push(await page.evaluate(() => performance.now()));
    firstRenders.push(Number(await page.getAttribute('body', 'data-last-render-ms')));
    for (let k = 0; k < 5; k++) {
      // a plan change arrives as a new model, as the extension host sends it after writing the store
      await page.evaluate(() => {
        const model = JSON.parse(document.getElementById('dashboard-model').textContent);
        model.items[0].status = model.items[0].status === 'planned' ? 'open' : 'planned';
        window.postMessage({ type: 'model', model }, '*');
      });
      await page.waitForSelector(`body[data-rendered="${k + 2}"]`);
      rerenders.push(Number(await page.getAttribute('body', 'data-last-render-ms')));
    }
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
const lines = [
  '## Dashboard (issue 7)',
  '',
  `Method: the dashboard of ${ITEMS.toLocaleString('en')} generated items as the standalone report (the same bundle and renderer as the webview) in headless Debian Chromium; ${ROUNDS} page loads, 5 re-renders each, medians. A plan change is a new model posted to the page, as the extension host sends one after writing the store; the re-render draws the KPIs, the plan, six charts and the item table.`,
  '',
  '| what | time (ms) | target |',
  '|---|---|---|',
  `| open: navigation start to the first render done | ${fmt(median(opens), 0)} | < 300 |`,
  `| of which the first render | ${fmt(median(firstRenders), 0)} | |`,
  `| re-render after a plan change | ${fmt(median(rerenders), 0)} | < 50 |`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
