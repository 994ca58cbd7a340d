/* global document, window, MutationObserver */
/** Dashboard benchmark (issue 7): opening the dashboard with 5,000 items, and re-rendering after a plan change. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// The webview's path: a page without the model, which arrives by message as the extension host posts it.
const report = readFileSync(file, 'utf8');
const modelJson = /<script id="dashboard-model" type="application\/json">([\s\S]*?)<\/script>/.exec(report)[1];
const shellFile = path.join(dir, 'shell.html');
const shellPage = report.replace(modelJson, '');
writeFileSync(shellFile, shellPage);
const model = JSON.parse(modelJson.replace(/\\u003c/g, '<'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const opens = [];
const firstRenders = [];
const rerenders = [];
const webviewOpens = [];
const shellLoads = [];
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
    const shell = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await shell.goto(`file://${shellFile}`);
    const loaded = await shell.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
    const byMessage = await shell.evaluate((posted) => {
      const started = performance.now();
      const done = new Promise((resolve) => {
        new MutationObserver((_, observer) => {
          if (document.body.dataset.rendered !== '1') return;
          observer.disconnect();
          resolve(performance.now());
        }).observe(document.body, { attributes: true });
      });
      window.postMessage({ type: 'model', model: posted }, '*');
      return done.then((ended) => ended - started);
    }, model);
    webviewOpens.push(loaded + byMessage);
    shellLoads.push(loaded);
    await shell.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
const lines = [
  '## Dashboard (issue 7)',
  '',
  `Method: the dashboard of ${ITEMS.toLocaleString('en')} generated items as the standalone report (the same bundle and renderer as the webview) in headless Debian Chromium; ${ROUNDS} page loads, 5 re-renders each, medians. A plan change is a new model posted to the page, as the extension host sends one after writing the store; the re-render draws the KPIs, the plan, six charts and the item table. The webview's own open is measured on the same page without the embedded model: its load event, plus the time from posting the model (structured clone included) to the render done; the host's work to build and send the model is not in it.`,
  '',
  '| what | time (ms) | target |',
  '|---|---|---|',
  `| open the report: navigation start to the first render done (model embedded, ${fmt(report.length / 1048576, 1)} MB page) | ${fmt(median(opens), 0)} | < 300 |`,
  `| of which the first render | ${fmt(median(firstRenders), 0)} | |`,
  `| open as the webview does: the page without the model loaded, then the model posted and rendered | ${fmt(median(webviewOpens), 0)} | < 300 |`,
  `| of which loading the page (${fmt(shellPage.length / 1024, 0)} KB) | ${fmt(median(shellLoads), 0)} | |`,
  `| re-render after a plan change | ${fmt(median(rerenders), 0)} | < 50 |`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);
