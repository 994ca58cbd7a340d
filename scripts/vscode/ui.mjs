/**
 * UI checks through the browser against the packaged VSIX installed into a fresh code-server: it installs
 * and activates, the Tech Debt view lists the fixture's items, a click opens the file at the line, the
 * dashboard opens from the command and the status bar, include/exclude round-trip to .debt/portfolio.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { freshDirs, installVsix, launchBrowser, log, startCodeServer } from './codeServer.mjs';
import { repo } from './setup.mjs';

const artifacts = path.join(repo, 'test-artifacts');
const vsix = path.join(repo, 'debt-portfolio.vsix');

async function check(name, run, failures, page) {
  try {
    await run();
    log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
    await page?.screenshot({ path: path.join(artifacts, `vscode-failed-${failures.length}.png`) }).catch(() => {});
  }
}

async function until(probe, what, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input');
  await page.keyboard.type(title);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`);
  await page.keyboard.press('Enter');
}

const storeStatus = (workspace, id) => {
  const file = path.join(workspace, '.debt', 'portfolio.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).items[id]?.status : undefined;
};

export async function runUiChecks() {
  execFileSync('npm', ['run', 'package'], { cwd: repo, stdio: 'ignore' });
  const dirs = freshDirs();
  const installed = await installVsix(vsix, dirs);
  log(`installed the VSIX: ${installed.trim().split('\n').pop()}`);
  const server = await startCodeServer(dirs);
  const browser = await launchBrowser();
  const failures = [];
  mkdirSync(artifacts, { recursive: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });

    await check('the VSIX activates: its status bar item shows the interest', async () => {
      await page.waitForSelector('.statusbar-item[id="debt-portfolio.debt-portfolio.debtPortfolio.status"], .statusbar-item:has-text("h/sprint")', { timeout: 30_000 });
    }, failures, page);

    await check('the Tech Debt container lists the fixture\'s items', async () => {
      await page.click('.activitybar [aria-label^="Tech Debt"]');
      await page.waitForSelector('.monaco-list-row:has-text("[TODO] handle discounts")', { timeout: 30_000 });
      for (const text of ['[FIXME] rounding errors on refunds', '[HACK] retries are hard-coded', '[DEBT] document the deploy script']) await page.waitForSelector(`.monaco-list-row:has-text("${text}")`);
      await page.screenshot({ path: path.join(artifacts, 'vscode-tree.png') });
    }, failures, page);

    await check('a click opens the file at the line', async () => {
      await page.click('.monaco-list-row:has-text("[FIXME] rounding errors on refunds")');
      await page.waitForSelector('.tab.active:has-text("orders.ts")');
      await until(async () => /Ln 6, Col/.test((await page.textContent('.statusbar').catch(() => '')) ?? ''), 'the cursor on line 6');
    }, failures, page);

    await check('Tag as Debt asks the text first, counts its steps, goes Back, and takes a typed effort', async () => {
      const title = () => page.textContent('.quick-input-widget .quick-input-title');
      await runCommand(page, 'Tech Debt: Tag as Debt');
      await until(async () => /^Tag as Debt \(1\/5\): what to fix/.test((await title()) ?? ''), 'step 1 of 5: the text');
      await page.keyboard.type('split the totals');
      await page.keyboard.press('Enter');
      await until(async () => /\(2\/5\): tag/.test((await title()) ?? ''), 'step 2 of 5: the tag');
      await page.click('.quick-input-widget .codicon-quick-input-back');
      await until(async () => /\(1\/5\)/.test((await title()) ?? ''), 'back at step 1');
      if ((await page.inputValue('.quick-input-widget input')) !== 'split the totals') throw new Error('the text was not kept on Back');
      await page.keyboard.press('Enter');
      await until(async () => /\(2\/5\)/.test((await title()) ?? ''), 'step 2 again');
      await page.keyboard.press('Enter');
      await until(async () => /\(3\/5\): impact/.test((await title()) ?? ''), 'step 3: impact');
      await page.keyboard.press('Enter');
      await until(async () => /\(4\/5\): effort/.test((await title()) ?? ''), 'step 4: effort');
      await page.keyboard.type('3h');
      await page.waitForSelector('.quick-input-list .monaco-list-row:has-text("as typed")');
      await page.keyboard.press('Enter');
      await until(async () => /\(5\/5\): owner/.test((await title()) ?? ''), 'step 5: owner');
      await page.keyboard.press('Enter');
      const editorText = async () => ((await page.textContent('.editor-instance .view-lines').catch(() => '')) ?? '').replace(/\u00a0/g, ' ');
      await until(async () => (await editorText()).includes('DEBT(effort: 3h, impact: low): split the totals'), 'the comment inserted');
      await page.screenshot({ path: path.join(artifacts, 'vscode-tag-as-debt.png') });
      await page.keyboard.press('Control+Z');
    }, failures, page);
    await page.keyboard.press('Escape');

    const frame = page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
    await check('the dashboard opens from the command', async () => {
      await runCommand(page, 'Tech Debt: Open Dashboard');
      await frame.locator('#item-rows tr').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(artifacts, 'vscode-dashboard.png') });
    }, failures, page);

    await check('the dashboard shows the back-test panel the worker computed (the fixture history is too short for an origin, and says so)', async () => {
      const panel = frame.locator('section.backtest, .backtest');
      await panel.locator('h2', { hasText: 'How well did this ranking predict the last quarters?' }).waitFor({ timeout: 60_000 });
      await panel.locator('.verdict', { hasText: 'too little history' }).first().waitFor({ timeout: 10_000 });
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, 'vscode-dashboard-backtest.png') });
    }, failures);

    await check('the dashboard shows the Delivery section the worker read (no tags or merges in the fixture: the releaseFrom hint, no point in any sprint)', async () => {
      const section = frame.locator('section.delivery');
      await section.locator('h2', { hasText: 'Delivery' }).waitFor({ timeout: 60_000 });
      await section.locator('.delivery-source .hint', { hasText: 'releaseFrom' }).waitFor({ timeout: 10_000 });
      const status = (await frame.locator('#chart-delivery-frequency').getAttribute('data-status'))?.split(',') ?? [];
      if (status.length !== 6 || status.some((s) => s !== 'no-data')) throw new Error(`deployment frequency per sprint: ${status.join(',')}`);
      await section.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(artifacts, 'vscode-dashboard-delivery.png') });
    }, failures, page);

    await check('include and exclude in the dashboard round-trip to .debt/portfolio.json (exclude: accepted, out of the plan and the tree)', async () => {
      const row = frame.locator('#item-rows tr', { hasText: 'handle discounts' });
      const id = await row.getAttribute('data-id');
      await row.locator('button', { hasText: 'Include' }).click();
      await until(() => storeStatus(dirs.workspace, id) === 'planned', 'the item planned in the store');
      await page.waitForSelector('.monaco-list-row:has-text("[TODO] handle discounts"):has-text("planned")', { timeout: 10_000 });
      await frame.locator('#item-rows tr', { hasText: 'handle discounts' }).locator('button', { hasText: 'Exclude' }).click();
      await until(() => storeStatus(dirs.workspace, id) === 'accepted', 'the item accepted in the store (out of the plan)');
      await until(async () => (await frame.locator('#plan-items li', { hasText: 'handle discounts' }).count()) === 0, 'the item out of the plan');
      await page.waitForSelector('.monaco-list-row:has-text("[TODO] handle discounts")', { state: 'detached', timeout: 10_000 });
    }, failures, page);

    await check('the dashboard\'s trend chart gets the trend the worker reads from git', async () => {
      const series = await until(async () => (await frame.locator('#chart-trend').getAttribute('data-open-items'))?.split(',').filter(Boolean), 'trend points', 30_000);
      if (series.length !== 6 || !series.some((count) => Number(count) > 0)) throw new Error(`trend open items: ${series.join(',')}`);
    }, failures, page);

    await check('a click on a dashboard row reveals the item in the editor', async () => {
      await frame.locator('#item-rows tr', { hasText: 'retries are hard-coded' }).click();
      await page.waitForSelector('.tab.active:has-text("deploy.py")');
    }, failures, page);

    await check('the status bar item opens the dashboard', async () => {
      await runCommand(page, 'View: Close All Editors');
      await page.waitForSelector('.tab:has-text("Tech Debt Portfolio")', { state: 'detached', timeout: 10_000 });
      await page.click('.statusbar-item:has-text("h/sprint")');
      await page.waitForSelector('.tab:has-text("Tech Debt Portfolio")', { timeout: 20_000 });
    }, failures, page);
  } finally {
    await browser.close();
    server.stop();
    rmSync(dirs.base, { recursive: true, force: true });
  }
  log(failures.length ? `UI checks failed: ${failures.join('; ')}` : 'UI checks passed');
  return failures.length ? 1 : 0;
}
