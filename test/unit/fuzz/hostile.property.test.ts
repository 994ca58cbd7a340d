import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { parse as parseHtml } from 'parse5';
import { exportAs } from '../../../src/core/export';
import { toHtmlReport } from '../../../src/core/export/html';
import { displayName } from '../../../src/core/files/fileNames';
import { buildPortfolio, type Portfolio } from '../../../src/core/pipeline/build';
import { historyScorer } from '../../../src/core/pipeline/historyScorer';
import { toDashboardModel } from '../../../src/core/portfolio/dashboardModel';
import { titleOf } from '../../../src/core/portfolio/view';
import { withoutControls } from '../../../src/core/text/controls';
import { runCli } from '../../helpers/cli';
import { RAW_CONTROL } from '../../helpers/hostile';
import { hostileRepository, type HostileRepository, writeHostileRepository } from '../../helpers/hostileRepository';
import { makeTempDir, removeDir } from '../../helpers/tempDir';

const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validSarif = ajv.compile(sarifSchema);

/** The report's own script and styles stand in for the shipped bundle: what is checked is what the page makes of the model. */
const ASSETS = { script: 'document.title;', styles: ['main { color: red; }'] };

async function portfolioOf(repository: HostileRepository): Promise<Portfolio> {
  const root = makeTempDir('debt-fuzz-');
  try {
    writeHostileRepository(root, repository);
    return await buildPortfolio(root, { noGit: repository.commitMessage === undefined, complexity: false, record: false, scorer: historyScorer(), today: '2026-03-02' });
  } finally {
    removeDir(root);
  }
}

/** CSV, parsed back: one row per item, in order, holding its id, title and location (made visible, a formula kept inert, a name's bytes that are not UTF-8 as U+FFFD). */
function assertCsv(portfolio: Portfolio): void {
  const rows = parseCsv(exportAs('csv', portfolio.view, '0.1.0'), { columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.length, portfolio.view.items.length);
  portfolio.view.items.forEach((item, k) => {
    const row = rows[k]!;
    assert.equal(row.ID, item.id);
    for (const [cell, value] of [[row.Summary, titleOf(item).slice(0, 250)], [row.Location, `${item.file}:${item.line}`]] as const) {
      const shown = withoutControls(displayName(value));
      assert.ok(cell === shown || cell === `'${shown}`, `${JSON.stringify(cell)} holds ${JSON.stringify(value)}`);
    }
  });
}

function assertJson(portfolio: Portfolio): void {
  const parsed = JSON.parse(exportAs('json', portfolio.view, '0.1.0')) as { items: Array<{ id: string; file: string }> };
  assert.deepEqual(
    parsed.items.map(({ id, file }) => ({ id, file })),
    portfolio.view.items.map(({ id, file }) => ({ id, file })),
  );
}

function assertMarkdown(portfolio: Portfolio): void {
  const md = exportAs('md', portfolio.view, '0.1.0');
  assert.doesNotMatch(md, RAW_CONTROL);
  assert.match(md, new RegExp(`Open debt: ${portfolio.view.items.length} items`));
}

function assertSarif(portfolio: Portfolio): void {
  const log = JSON.parse(exportAs('sarif', portfolio.view, '0.1.0')) as { runs: Array<{ results: unknown[] }> };
  assert.equal(validSarif(log), true, JSON.stringify(validSarif.errors?.slice(0, 3)));
  assert.equal(log.runs[0]!.results.length, portfolio.view.items.length);
}

interface Element {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Element[];
  value?: string;
}

/** Every element of a parsed page with its attribute names, and the text of the embedded model. */
function shapeOf(html: string): { elements: string[]; model: string } {
  const elements: string[] = [];
  let model = '';
  const visit = (node: Element): void => {
    if (node.attrs) elements.push(`${node.nodeName}[${node.attrs.map((a) => a.name).join(',')}]`);
    if (node.attrs?.some((a) => a.name === 'id' && a.value === 'dashboard-model')) model = node.childNodes?.map((c) => c.value ?? '').join('') ?? '';
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit(parseHtml(html) as unknown as Element);
  return { elements, model };
}

/** The report has the elements and attributes of a report with no items, and its model holds every item. */
function assertInertReport(portfolio: Portfolio, emptyShape: string[]): void {
  const { elements, model } = shapeOf(toHtmlReport(toDashboardModel(portfolio.view, { readOnly: true, notices: portfolio.notices }), ASSETS));
  assert.deepEqual(elements, emptyShape);
  const embedded = JSON.parse(model) as { items: Array<{ id: string; title: string }> };
  assert.deepEqual(
    embedded.items.map(({ id, title }) => ({ id, title })),
    portfolio.view.items.map((item) => ({ id: item.id, title: titleOf(item) })),
  );
}

describe('hostile repositories: scan, every export and the report (fuzz)', function () {
  this.timeout(120_000);
  let emptyShape: string[];
  before(async () => {
    const empty = await portfolioOf({ files: [], config: undefined, commitMessage: undefined });
    emptyShape = shapeOf(toHtmlReport(toDashboardModel(empty.view, { readOnly: true, notices: empty.notices }), ASSETS)).elements;
  });

  it('keeps every annotation of hostile text, META, file names, config and commit message through csv, json, md, sarif and the HTML report', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRepository(), async (repository) => {
        const portfolio = await portfolioOf(repository);
        const written = repository.files.reduce((sum, file) => sum + file.annotations.length, 0);
        assert.equal(portfolio.view.items.length, written, `items found: ${JSON.stringify(portfolio.scan.skipped)} skipped; ${portfolio.scan.warnings.slice(0, 2).map((w) => w.message).join('; ')}`);
        assertCsv(portfolio);
        assertJson(portfolio);
        assertMarkdown(portfolio);
        assertSarif(portfolio);
        assertInertReport(portfolio, emptyShape);
      }),
      { numRuns: 50 },
    );
  });

  it('prints no raw control character from a hostile repository in the CLI table, plan or check, and finds every item', () => {
    fc.assert(
      fc.property(hostileRepository(), (repository) => {
        const root = makeTempDir('debt-fuzz-cli-');
        try {
          writeHostileRepository(root, repository);
          const written = repository.files.reduce((sum, file) => sum + file.annotations.length, 0);
          const gitOff = repository.commitMessage === undefined ? ['--no-git'] : [];
          for (const command of ['scan', 'plan', 'check']) {
            const run = runCli([command, root, ...gitOff], { cwd: root });
            assert.ok(run.code === 0 || (command === 'check' && run.code === 1), `${command} exited ${run.code}: ${run.stderr}`);
            assert.doesNotMatch(run.stdout + run.stderr, RAW_CONTROL, command);
          }
          const json = runCli(['scan', root, ...gitOff, '--format', 'json'], { cwd: root });
          assert.equal((JSON.parse(json.stdout) as { items: unknown[] }).items.length, written);
        } finally {
          removeDir(root);
        }
      }),
      { numRuns: 4 },
    );
  });
});
