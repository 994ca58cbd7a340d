/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { toHtmlReport } from '../../../src/core/export/html';
import { toDashboardModel } from '../../../src/core/portfolio/dashboardModel';
import type { PortfolioItem } from '../../../src/core/portfolio/view';
import { launchChromium } from '../../helpers/chromium';
import { portfolioItem, portfolioView } from '../../helpers/builders';
import { makeTempDir, removeDir } from '../../helpers/tempDir';
import { reportAssets } from '../../helpers/webviewBundle';

const ARTIFACTS = path.join(__dirname, '../../../test-artifacts');
const WIDTHS = [760, 1000, 1500, 2000];
const THEMES = ['vscode-dark', 'vscode-light'] as const;

/** A portfolio shaped like vscode-pull-request-github's: long paths, line numbers in the thousands, long texts, files at the root. */
function realisticModel() {
  const folders = ['src/github', 'src/view/treeNodes', 'src/common', 'webviews/components', 'src/@types', 'src/test/mocks', 'build', 'src/issues', 'src/lm/tools', 'src/authentication', 'src/gitProviders', 'src/env/node', '.'];
  const items: PortfolioItem[] = [];
  for (let n = 0; n < 60; n++) {
    const folder = folders[n % folders.length]!;
    const file = `${folder === '.' ? '' : `${folder}/`}folderRepositoryManagerWithALongName${n}.ts`;
    const text = n % 3 === 0 ? `pass in options? ${'and handle the case where the remote has been renamed since the last fetch '.repeat(2)}` : `shorter note ${n}`;
    const interest = 0.2 + ((n * 7) % 13) / 2;
    items.push(portfolioItem({ file, line: 2899 + n * 101, tag: ['TODO', 'FIXME', 'HACK', 'DEBT'][n % 4], text, owner: n % 5 === 0 ? undefined : n % 3 === 0 ? 'typescript-eslint[bot]' : `owner${n % 7}`, ...(n % 4 === 1 ? { ownerFrom: 'git' } : {}), score: { interest, principal: n % 11 === 0 ? 243.5 : 2 + (n % 5), payback: (n % 11 === 0 ? 243.5 : 2 + (n % 5)) / interest, cycleTimeInterest: interest, incidentInterest: 0, statedInterest: 0, share: 1, terms: [] } } as Partial<PortfolioItem>));
  }
  return toDashboardModel(portfolioView(items), { readOnly: true, trend: [1, 2, 3, 4, 5, 6].map((sprint) => ({ sprint, openItems: 50 + sprint, interest: 90 + sprint })) });
}

interface Layout {
  overflow: number;
  clippedLocations: string[];
  planColumnRight: number;
  viewport: number;
  planButtonLefts: number[];
  ticks: Record<string, string>;
  sliceContrasts: number[];
}

/** What the test measures on a rendered page (CSS pixels, computed colours); as source text, so no build helper leaks into the page. */
const MEASURE = `(() => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const rgb = (colour) => (colour.match(/\\d+/g) ?? []).slice(0, 3).map(Number);
  const contrast = (a, b) => (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
  const background = rgb(getComputedStyle(document.body).backgroundColor);
  return {
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    clippedLocations: [...document.querySelectorAll('td.item .location')].filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent),
    planColumnRight: Math.max(...[...document.querySelectorAll('.item-table tr > :last-child')].map((cell) => cell.getBoundingClientRect().right)),
    viewport: document.documentElement.clientWidth,
    planButtonLefts: [...document.querySelectorAll('#plan-items li')].map((li) => Math.round(li.querySelector('vscode-button').getBoundingClientRect().left)),
    ticks: Object.fromEntries([...document.querySelectorAll('canvas')].map((canvas) => [canvas.id, canvas.dataset.ticks ?? ''])),
    sliceContrasts: (document.getElementById('chart-tag').dataset.colours ?? '').split(';').map((colour) => contrast(rgb(colour), background)),
  };
})()`;

const measure = (page: Page): Promise<Layout> => page.evaluate(MEASURE) as Promise<Layout>;

describe('dashboard layout in Chromium, at 1,000, 1,500 and 2,000 px in both themes', function () {
  this.timeout(180_000);
  let browser: Browser;
  let dir: string;
  const model = realisticModel();

  before(async () => {
    browser = await launchChromium();
    dir = makeTempDir('debt-layout-');
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    removeDir(dir);
  });

  it('names the root folder\'s area instead of "."', () => {
    assert.ok(!model.byFolder.some((slice) => slice.label === '.'));
    assert.ok(model.byFolder.some((slice) => slice.label === '(top level)'));
  });

  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      it(`${theme} at ${width} px: no horizontal overflow, locations whole, Plan column on screen, every bar named, plan buttons aligned, legible slices`, async () => {
        const file = path.join(dir, `layout-${theme}.html`);
        writeFileSync(file, toHtmlReport(model, reportAssets(), theme));
        const page = await browser.newPage({ viewport: { width, height: 1200 } });
        try {
          await page.goto(`file://${file}`);
          await page.waitForSelector('body[data-rendered]');
          await page.selectOption('#status-filter', '');
          await page.screenshot({ path: path.join(ARTIFACTS, `layout-${theme}-${width}.png`), fullPage: true });
          const layout = await measure(page);
          assert.equal(layout.overflow, 0, 'the page scrolls sideways');
          assert.deepEqual(layout.clippedLocations, [], 'locations cut');
          assert.ok(layout.planColumnRight <= layout.viewport, `the Plan column ends at ${layout.planColumnRight} of ${layout.viewport}`);
          assert.equal(new Set(layout.planButtonLefts).size, 1, `plan buttons at ${layout.planButtonLefts.join(', ')}`);
          assert.match(layout.ticks['chart-folder']!, new RegExp(`\\by:${model.byFolder.length}\\b`), 'an area without a label');
          assert.match(layout.ticks['chart-payback']!, new RegExp(`x:${model.paybackBins.length}\\b`));
          for (const value of layout.sliceContrasts) assert.ok(value >= 3, `a slice at contrast ${value.toFixed(2)} with the background`);
        } finally {
          await page.close();
        }
      });
    }
  }
});
