import assert from 'node:assert/strict';
import { itemsWorthPaying, toBrief } from '../../../../src/core/export/brief';
import type { DashboardItem, DashboardModel } from '../../../../src/shared/dashboard';
import { formatHours, formatInterest, formatNumber, formatPayback } from '../../../../src/shared/format';
import { briefModelOf, buildBriefRepository } from '../../../helpers/briefRepo';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { makeTempDir, removeDir } from '../../../helpers/tempDir';

const HOSTILE = '<script>alert(1)</script> **bold** [link](javascript:alert(2)) & `code` | pipe';

/** The brief's items as it lists them in Markdown: where each is, and its numbers in words. */
const listedItems = (markdown: string) => [...markdown.matchAll(/^\d+\. \*\*.+?\*\* \((.+?)\): (costs .+)\.$/gm)].map((m) => ({ where: m[1], numbers: m[2] }));

/** The best three by the brief's rule, worked out here from the model's items. */
function bestThree(model: DashboardModel): DashboardItem[] {
  const open = model.items.filter((item) => (item.status === 'open' || item.status === 'planned') && item.interest > 0);
  return open.sort((a, b) => a.payback! - b.payback! || b.interest - a.interest).slice(0, 3);
}

describe('brief: one page for stakeholders', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  const tempRoot = () => roots[roots.push(makeTempDir()) - 1]!;
  let model: DashboardModel;
  let markdown: string;

  before(async () => {
    const root = tempRoot();
    buildBriefRepository(root);
    model = await briefModelOf(root);
    markdown = toBrief(model, 'md');
  });
  after(() => roots.forEach(removeDir));

  it('names the three items that pay back soonest, with their numbers in words', () => {
    const expected = bestThree(model);
    const costliest = [...model.items].sort((a, b) => b.interest - a.interest)[0]!;
    assert.equal(expected.length, 3);
    assert.notEqual(expected[0]!.id, costliest.id, 'the repository should make payback and interest disagree');
    const numbers = (item: DashboardItem) => `costs ${formatHours(item.interest)} every sprint; ${formatHours(item.principal)} to fix; pays back in ${formatPayback(item.payback, model.sprintLengthDays)}`;
    assert.deepEqual(listedItems(markdown), expected.map((item) => ({ where: `${item.file}:${item.line}`, numbers: numbers(item) })));
    assert.deepEqual(itemsWorthPaying(model.items), expected);
  });

  it("says the model's interest, its trend over the model's sprints, and the next sprint's plan", () => {
    assert.ok(model.trend.length >= 2 && model.trend[0]!.interest > 0);
    assert.ok(markdown.includes(`cost ${formatInterest(model.kpis.interest)} in interest`), markdown);
    assert.ok(markdown.includes(`**Interest** ${formatInterest(model.kpis.interest)}`));
    const [first, last] = [model.trend[0]!, model.trend[model.trend.length - 1]!];
    const change = Math.round(((last.interest - first.interest) / first.interest) * 100);
    assert.match(markdown, new RegExp(`The interest of the tagged debt and hotspots \\(the trend leaves out the costs of whole files\\) over ${model.trend.length - 1} sprints \\(${first.label} to ${last.label}, the code at each sprint's start\\): ${change > 0 ? 'up' : 'down'} ${Math.abs(change)}%`));
    const next = model.roadmap[0]!;
    assert.ok(markdown.includes(`${formatHours(next.plannedHours)} of principal against the ${formatHours(next.budget)} budget, removing ${formatInterest(next.interestRemoved)} of interest`));
    assert.ok(markdown.includes('n/a: no past sprint had a plan'));
  });

  it('gives the four delivery figures overall with their samples, "not enough data" as such, and the debt beside them', () => {
    const { overall, topFiles } = model.delivery!;
    const frequency = overall.figures.deploymentFrequency;
    assert.equal(frequency.status, 'ok');
    assert.ok(markdown.includes(`- Deployment frequency (releases): ${formatNumber(frequency.value!)}/week (n = ${frequency.sample})`));
    assert.equal(overall.figures.timeToRestoreHours.status, 'not-enough-data');
    assert.ok(markdown.includes(`- Time to restore (median · p85): not enough data (n = ${overall.figures.timeToRestoreHours.sample})`));
    assert.ok(topFiles > 0);
    assert.match(markdown, new RegExp(`for changes to the ${topFiles} top-interest files?, against .* for the rest\\. Change failure rate: `));
  });

  it('says plainly when a baseline beat our ranking in the back-test', () => {
    const rows = model.backtest!.rows;
    const ours = rows.find((row) => row.ours)!.effortAware!;
    const best = rows.filter((row) => !row.ours).sort((a, b) => b.effortAware! - a.effortAware!)[0]!;
    assert.ok(best.effortAware! > ours, 'the repository should make a baseline win');
    assert.ok(markdown.includes(`Plainly: ${best.ranking} predicted better than our ranking on effort-aware capture`), markdown);
    for (const verdict of model.backtest!.verdicts) assert.ok(markdown.includes(`- ${verdict}`), verdict);
  });

  it('says that nothing is there in an empty repository, and that the calendar was never set', async () => {
    const root = tempRoot();
    new ScriptedRepo(root).commit({ 'README.md': '# nothing owed\n' }, { date: '2026-01-01T00:00:00Z' });
    const empty = toBrief(await briefModelOf(root, { backtest: false }), 'md');
    assert.ok(empty.includes('No debt items found'));
    assert.ok(empty.includes('## Three items most worth paying\n\nNone: there are no debt items.'));
    assert.ok(empty.includes('- Sprint numbers come from the default calendar, which nobody set'), empty);
  });

  it('says why delivery and the back-test are missing when history is off', async () => {
    const root = tempRoot();
    buildBriefRepository(root);
    const off = toBrief(await briefModelOf(root, { noGit: true }), 'md');
    assert.ok(off.includes('## Delivery\n\nNot in this brief: git history is off: git is not used here (--no-git'), off);
    assert.ok(off.includes('Not run: git history is off'));
    assert.ok(off.includes('No trend yet: git history is off'));
  });

  it('keeps a hostile title as text in HTML and in Markdown', async () => {
    const root = tempRoot();
    buildBriefRepository(root, { hot: HOSTILE, slow: 'slow', pay: 'pay', idle: 'idle' });
    const hostile = await briefModelOf(root, { backtest: false });
    assert.ok(hostile.items.some((item) => item.title.includes(HOSTILE)));
    const html = toBrief(hostile, 'html');
    assert.doesNotMatch(html, /<script/i);
    assert.ok(html.includes('&#60;script&#62;alert(1)&#60;/script&#62; **bold** [link](javascript:alert(2)) &#38; `code` | pipe'));
    const md = toBrief(hostile, 'md');
    assert.doesNotMatch(md, /(?<!\\)[<`|]|(?<!\\)\*\*bold|(?<!\\)\[link/);
    assert.ok(md.includes('\\<script\\>alert(1)\\</script\\> \\*\\*bold\\*\\* \\[link\\](javascript:alert(2)) \\& \\`code\\` \\| pipe'), md);
  });
});
