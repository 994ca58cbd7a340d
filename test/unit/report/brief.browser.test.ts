/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toBrief } from '../../../src/core/export/brief';
import { launchChromium } from '../../helpers/chromium';
import { briefModelOf, buildBriefRepository } from '../../helpers/briefRepo';
import { makeTempDir, removeDir } from '../../helpers/tempDir';

const ARTIFACTS = path.join(__dirname, '../../../test-artifacts');
const HOSTILE = '<script>document.title = "owned"</script><img src=x onerror=alert(1)>';
const LONG = 'untangle the request pipeline so that retries, timeouts and cancellation share one code path instead of three'.repeat(2);

/** Pages in a PDF: its page objects (not the /Pages tree). */
const pdfPages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

const luminance = (colour: string): number => {
  const [r, g, b] = (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};

describe('brief page in Chromium', function () {
  this.timeout(180_000);
  let browser: Browser;
  let dir: string;
  let file: string;
  const requests: string[] = [];

  before(async () => {
    dir = makeTempDir('debt-brief-');
    const root = path.join(dir, 'a-repository-with-a-rather-long-folder-name-that-a-team-might-well-use');
    mkdirSync(root);
    buildBriefRepository(root, { hot: HOSTILE, slow: LONG, pay: 'cache the lookup', idle: 'rename the helpers' });
    file = path.join(dir, 'brief.html');
    writeFileSync(file, toBrief(await briefModelOf(root), 'html'));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    removeDir(dir);
  });

  async function open(colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 }, colorScheme });
    page.on('request', (request) => !request.url().startsWith('file:') && requests.push(request.url()));
    await page.goto(`file://${file}`);
    return page;
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`follows prefers-color-scheme (${scheme}) with no horizontal overflow at 800 px`, async () => {
      const page = await open(scheme);
      const shown = await page.evaluate(() => ({
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        background: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
      }));
      await page.screenshot({ path: path.join(ARTIFACTS, `brief-${scheme}.png`), fullPage: true });
      await page.close();
      assert.ok(shown.overflow <= 0, `overflows by ${shown.overflow} px`);
      const [background, text] = [luminance(shown.background), luminance(shown.text)];
      assert.ok(scheme === 'light' ? background > 0.9 && text < 0.3 : background < 0.1 && text > 0.8, JSON.stringify(shown));
    });
  }

  it('shows a hostile title as text: no script, no image, nothing fetched', async () => {
    const page = await open('light');
    const found = await page.evaluate(() => ({ scripts: document.scripts.length, images: document.images.length, title: document.title, items: Array.from(document.querySelectorAll('.items strong'), (node) => node.textContent) }));
    await page.close();
    assert.deepEqual([found.scripts, found.images], [0, 0]);
    assert.doesNotMatch(found.title, /owned/);
    assert.ok(found.items.some((title) => title?.includes(HOSTILE)), JSON.stringify(found.items));
    assert.deepEqual(requests, []);
  });

  it('prints on one A4 page', async () => {
    const page = await open('dark');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'brief-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync(path.join(ARTIFACTS, 'brief.pdf'), pdf);
    await page.close();
    assert.equal(pdfPages(pdf), 1);
  });
});
