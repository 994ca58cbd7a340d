import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { tagMatcher } from '../../../../src/core/annotations';
import { defaultConfig } from '../../../../src/core/config';
import type { DebtItem } from '../../../../src/core/model';
import { buildPortfolio, rebuild, type Portfolio } from '../../../../src/core/pipeline/build';
import { checkFolder } from '../../../../src/core/pipeline/check';
import { historyScorer } from '../../../../src/core/pipeline/historyScorer';
import { scanCommit } from '../../../../src/core/pipeline/scanCommit';
import { scanFolder } from '../../../../src/core/pipeline/scanFolder';
import { createSession } from '../../../../src/core/pipeline/session';
import { ITEMS_PER_CHUNK, stateMessage, stateOfMessage, type StateMessage, type WorkerMessage } from '../../../../src/core/pipeline/sessionProtocol';
import { createSessionServer } from '../../../../src/core/pipeline/sessionServer';
import { planActionChange } from '../../../../src/core/store/decide';
import { git, initRepo, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const FIXTURES = path.join(__dirname, '../../../fixtures');
const TODAY = '2026-03-02';

/** What identifies an item and what it costs: two portfolios agree when these agree. */
const summary = (portfolio: Portfolio) =>
  portfolio.view.items.map((item) => ({ id: item.id, at: `${item.file}:${item.line}`, what: item.kind === 'annotation' ? `${item.tag} ${item.text}` : 'name' in item ? item.name : item.file, interest: item.score.interest, principal: item.score.principal }));

function committedCopy(source: string): string {
  const root = makeTempDir('debt-pipeline-');
  cpSync(source, root, { recursive: true });
  initRepo(root);
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '-m', 'base'], { GIT_AUTHOR_DATE: '2026-02-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-02-01T10:00:00Z' });
  return root;
}

/** Writes files (null deletes one) into a folder. */
function applyChange(root: string, change: Record<string, string | null>): void {
  for (const [file, text] of Object.entries(change)) {
    if (text === null) rmSync(path.join(root, file));
    else writeFiles(root, { [file]: text });
  }
}

/** The files of a folder's scan that hold items, so a test can give them recent history. */
const annotatedFiles = (root: string): string[] => [...new Set(git(root, ['grep', '-l', '-E', 'TODO|FIXME|HACK|DEBT']).trim().split('\n'))];

describe('pipeline', () => {
  describe('build', () => {
    let root: string;
    before(() => (root = committedCopy(path.join(FIXTURES, 'workspace-basic'))));
    after(() => removeDir(root));

    it('scans, scores, records and plans a folder, and its totals are the sums of its items', async () => {
      const portfolio = await buildPortfolio(root, { scorer: historyScorer(), today: TODAY });
      assert.deepEqual(summary(portfolio).map((s) => `${s.at} ${s.what}`), ['README.md:3 DEBT document the deploy script', 'scripts/deploy.py:2 HACK retries are hard-coded', 'src/orders.ts:2 TODO handle discounts', 'src/orders.ts:6 FIXME rounding errors on refunds']);
      const store = JSON.parse(readFileSync(path.join(root, '.debt/portfolio.json'), 'utf8')) as { items: Record<string, unknown> };
      assert.deepEqual(Object.keys(store.items).sort(), portfolio.view.items.map((item) => item.id).sort());
      const interest = portfolio.view.items.reduce((sum, item) => sum + item.score.interest, 0);
      assert.ok(Math.abs(portfolio.view.totals.interest - interest) < 1e-9);
      assert.equal(portfolio.config.sprintLengthDays, defaultConfig().sprintLengthDays);
    });

    it('records nothing when asked not to', async () => {
      rmSync(path.join(root, '.debt'), { recursive: true, force: true });
      await buildPortfolio(root, { scorer: historyScorer(), today: TODAY, record: false });
      assert.equal(existsSync(path.join(root, '.debt/portfolio.json')), false);
    });
  });

  describe('rebuild', () => {
    let root: string;
    beforeEach(() => (root = committedCopy(path.join(FIXTURES, 'workspace-basic'))));
    afterEach(() => removeDir(root));

    const change = {
      'src/orders.ts': 'export function total(items: number[]): number {\n  // TODO(alice, effort=2h): handle discounts\n  return 0; // HACK: always zero\n}\n',
      'scripts/deploy.py': null,
      'lib/new.py': '# FIXME(impact=high): new here\n',
    };

    it('gives the items and scores a full build of the changed folder gives (edited, deleted and new files)', async () => {
      const scorer = historyScorer();
      const previous = await buildPortfolio(root, { scorer, today: TODAY });
      applyChange(root, change);
      const rebuilt = await rebuild(previous, Object.keys(change).map((file) => ({ file })), { scorer, today: TODAY });
      const full = await buildPortfolio(root, { scorer, today: TODAY, record: false });
      assert.deepEqual(summary(rebuilt), summary(full));
      assert.ok(summary(rebuilt).some((s) => s.what === 'HACK always zero'));
    });

    it('reads an editor\'s text instead of the file, and leaves the previous portfolio as it was', async () => {
      const scorer = historyScorer();
      const previous = await buildPortfolio(root, { scorer, today: TODAY });
      const before = JSON.stringify(previous.view.items);
      const rebuilt = await rebuild(previous, [{ file: 'README.md', text: '<!-- TODO: unsaved text -->\n' }], { scorer, blame: 'cached', today: TODAY });
      assert.deepEqual(rebuilt.view.items.filter((item) => item.file === 'README.md').map((item) => item.kind === 'annotation' && item.text), ['unsaved text']);
      assert.equal(JSON.stringify(previous.view.items), before);
      assert.notEqual(rebuilt, previous);
    });

    it('leaves out an annotation still being typed in the editor, and keeps it when the file is read from disk', async () => {
      const scorer = historyScorer();
      const previous = await buildPortfolio(root, { scorer, today: TODAY, record: false });
      const typing = 'a = 1  # TODO()\nb = 2  # FIXME(owner: al\nc = 3  # HACK(effort: 2h): done typing\n# BUG\n';
      const live = await rebuild(previous, [{ file: 'typing.py', text: typing }], { scorer, today: TODAY });
      const texts = (portfolio: Portfolio) => portfolio.view.items.filter((item) => item.file === 'typing.py').map((item) => item.kind === 'annotation' && `${item.tag} ${item.text}`);
      assert.deepEqual(texts(live), ['HACK done typing', 'BUG ']);
      writeFiles(root, { 'typing.py': typing });
      assert.equal(texts(await rebuild(previous, [{ file: 'typing.py' }], { scorer, today: TODAY })).length, 4);
    });

    it('drops the items of a file the team config excludes', async () => {
      const scorer = historyScorer();
      const previous = await buildPortfolio(root, { scorer, today: TODAY });
      writeFiles(root, { '.debt/config.json': JSON.stringify({ exclude: ['scripts/**'] }) });
      const rebuilt = await rebuild(previous, [{ file: 'scripts/deploy.py' }], { scorer, today: TODAY });
      assert.deepEqual(rebuilt.view.items.filter((item) => item.file.startsWith('scripts/')), []);
      assert.equal(rebuilt.view.items.length, previous.view.items.length - 1);
    });
  });

  describe('gate, through the entry `check` uses (a fixture folder per scenario)', () => {
    const scenarios = readdirSync(path.join(FIXTURES, 'pipeline')).filter((name) => name.startsWith('gate-'));
    for (const scenario of scenarios) {
      it(scenario, async () => {
        const dir = path.join(FIXTURES, 'pipeline', scenario);
        const root = committedCopy(path.join(dir, 'base'));
        try {
          const changeFile = path.join(dir, 'change.json');
          if (existsSync(changeFile)) applyChange(root, JSON.parse(readFileSync(changeFile, 'utf8')) as Record<string, string | null>);
          const { gate } = await checkFolder(root, { scorer: historyScorer(), base: 'HEAD', today: TODAY });
          const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { passed: boolean; newWithoutMeta: string[] };
          const found = gate.newWithoutMeta.map((item) => `${item.file}:${item.line} ${item.kind === 'annotation' ? `${item.tag} ${item.text}` : 'name' in item ? item.name : item.file}`);
          assert.deepEqual({ passed: gate.passed, newWithoutMeta: found }, expected);
          assert.equal(existsSync(path.join(root, '.debt/portfolio.json')), false, 'check records nothing');
        } finally {
          removeDir(root);
        }
      });
    }
  });

  describe('a folder and the commit of the same content', () => {
    const families = readdirSync(path.join(FIXTURES, 'languages'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    let root: string;
    before(() => {
      root = makeTempDir('debt-same-');
      for (const family of families) cpSync(path.join(FIXTURES, 'languages', family), path.join(root, family), { recursive: true });
      for (const family of families) rmSync(path.join(root, family, 'expected.json'));
      cpSync(path.join(FIXTURES, 'languages', '.gitattributes'), path.join(root, '.gitattributes'));
      initRepo(root);
      git(root, ['add', '-A']);
      git(root, ['commit', '-q', '-m', 'fixtures']);
    });
    after(() => removeDir(root));

    const key = (item: DebtItem) => JSON.stringify(item);
    const sorted = (items: readonly DebtItem[]) => items.map(key).sort();

    it('give the same items in every language fixture, JSX included, with and without hotspots', async () => {
      const config = defaultConfig();
      const head = git(root, ['rev-parse', 'HEAD']).trim();
      const folder = await scanFolder(root, {});
      const commit = await scanCommit(root, head, config, { tags: tagMatcher(config.tags), parse: true, hotspots: { cognitive: config.hotspotCognitive, cyclomatic: config.hotspotCyclomatic } });
      assert.ok(folder.items.some((item) => item.file.endsWith('.jsx')));
      assert.equal(new Set(folder.items.map((item) => item.file.split('/')[0])).size, families.length);
      assert.deepEqual(sorted(commit.items), sorted(folder.items));
      const annotationsOnly = await scanCommit(root, head, config, { tags: tagMatcher(config.tags), parse: true });
      assert.deepEqual(sorted(annotationsOnly.items), sorted(folder.items.filter((item) => item.kind === 'annotation')));
    });
  });

  describe('session', () => {
    let root: string;
    beforeEach(() => (root = committedCopy(path.join(FIXTURES, 'workspace-basic'))));
    afterEach(() => removeDir(root));

    it('numbers its states and runs one operation at a time on the newest portfolio', async () => {
      const session = createSession({ root, git: true });
      await assert.rejects(session.replaceFiles([{ file: 'README.md' }]), { name: 'SessionNotReadyError' });
      const first = await session.rescan();
      const [edited, dated] = await Promise.all([session.replaceFiles([{ file: 'README.md', text: '<!-- TODO: edited -->\n' }]), session.rescore()]);
      assert.deepEqual([first.generation, edited.generation, dated.generation], [1, 2, 3]);
      assert.ok(dated.view.items.some((item) => item.kind === 'annotation' && item.text === 'edited'), 'the rescore started after the edit sees it');
    });

    it('packs a state for the host in chunks of JSON and unpacks it whole, through a real message port', async () => {
      for (let n = 0; n < ITEMS_PER_CHUNK * 2 + 7; n++) writeFiles(root, { [`many/f${n}.py`]: `# TODO: item ${n}\n` });
      const state = await createSession({ root, git: false }).rescan();
      const packed = stateMessage(7, root, state, { hits: 0 });
      assert.equal(packed.itemChunks.length, 3);
      assert.deepEqual(packed.state.view.items, []);
      const { port1, port2 } = new MessageChannel();
      port1.postMessage(packed);
      const received = receiveMessageOnPort(port2)!.message as typeof packed;
      port1.close();
      assert.deepEqual(await stateOfMessage(received), state);
    });

    it('writes no store on a scan, an edit or a rescore; a decision writes what was found and the decision together', async () => {
      const session = createSession({ root, git: true });
      const store = path.join(root, '.debt/portfolio.json');
      const { view } = await session.rescan();
      await session.replaceFiles([{ file: 'README.md', text: '<!-- TODO: edited -->\n' }]);
      await session.rescore();
      await session.rescan();
      assert.equal(existsSync(store), false, 'no .debt/portfolio.json before a decision');
      const id = view.items.find((item) => item.file !== 'README.md')!.id;
      const after = await session.decide(id, { status: 'accepted' });
      const saved = JSON.parse(readFileSync(store, 'utf8')) as { items: Record<string, { status: string }> };
      assert.equal(saved.items[id]?.status, 'accepted');
      assert.deepEqual(Object.keys(saved.items).sort(), after.view.items.map((item) => item.id).sort(), 'every item found is recorded with the decision');
    });

    it('takes an owner from the comment, else from git blame, marked as from git', async () => {
      writeFiles(root, { 'src/api.ts': '// TODO@API make this public\nexport const a = 1;\n', 'src/anon.ts': '// TODO: nobody named\nexport const b = 1;\n' });
      git(root, ['add', '-A']);
      git(root, ['commit', '-q', '-m', 'owners'], { GIT_AUTHOR_NAME: 'Alex Ross' });
      const { view } = await createSession({ root, git: true }).rescan();
      const owners = Object.fromEntries(view.items.filter((item) => item.file.startsWith('src/a')).map((item) => [item.file, [item.owner, item.ownerFrom]]));
      assert.deepEqual(owners, { 'src/api.ts': ['API', undefined], 'src/anon.ts': ['Alex Ross', 'git'] });
    });

    it('finds a user\'s own tags beside the team config\'s, in a scan and an edit', async () => {
      writeFiles(root, { '.debt/config.json': '{ "tags": ["TODO"] }', 'src/r.ts': '// REVIEW: still needed?\n// FIXME: not a team tag\n' });
      const session = createSession({ root, git: false });
      const tagsOf = (items: readonly DebtItem[]) => items.filter((i) => i.file === 'src/r.ts').map((i) => (i.kind === 'annotation' ? i.tag : i.kind));
      assert.deepEqual(tagsOf((await session.rescan()).view.items), []);
      assert.deepEqual(tagsOf((await session.rescan({}, ['REVIEW'])).view.items), ['REVIEW']);
      assert.deepEqual(tagsOf((await session.replaceFiles([{ file: 'src/r.ts', text: '// TODO: team\n// REVIEW: mine\n' }])).view.items), ['TODO', 'REVIEW']);
    });

    it('keeps an item the planner chose out of every sprint once the dashboard excludes it', async () => {
      for (const file of annotatedFiles(root)) {
        for (let n = 0; n < 3; n++) applyChange(root, { [file]: `${readFileSync(path.join(root, file), 'utf8')}\n` });
        git(root, ['commit', '-q', '-am', `fix ${file}`]);
      }
      const session = createSession({ root, git: true });
      const { view } = await session.rescan();
      const plannedIds = (plan: typeof view.plan) => plan.roadmap.flatMap((sprint) => sprint.items.map((item) => item.id));
      const chosen = view.plan.roadmap[0]!.items.find((item) => item.reason === 'chosen')!;
      const after = await session.decide(chosen.id, planActionChange('exclude', view.plan.roadmap[0]!.sprint));
      assert.ok(!plannedIds(after.view.plan).includes(chosen.id), 'excluded, yet planned again');
      assert.ok(!plannedIds((await session.rescan()).view.plan).includes(chosen.id), 'planned again after a rescan');
    });

    it('after a full scan the worker posts a state with the trend read from git, so the dashboard in VS Code has one', async () => {
      const messages: WorkerMessage[] = [];
      const server = createSessionServer((message) => messages.push(message));
      await server.handle({ type: 'rescan', id: 1, root, git: true });
      const answer = messages.find((m): m is StateMessage => m.type === 'state' && m.id === 1)!;
      assert.deepEqual(answer.state.trend, []);
      const withTrend = async (): Promise<StateMessage> => {
        for (let waited = 0; waited < 20_000; waited += 20) {
          const found = messages.find((m): m is StateMessage => m.type === 'state' && m.id === null && m.state.trend.length > 0);
          if (found) return found;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('no state with a trend');
      };
      const later = await withTrend();
      assert.equal(later.state.trend.length, defaultConfig().trendSprints);
      assert.ok(later.state.generation > answer.state.generation);
      assert.ok(later.state.trend.some((point) => point.commit !== null && point.openItems > 0), JSON.stringify(later.state.trend));
    });

    it('records a decision and answers with the view it gives; refuses one on a read-only store', async () => {
      const session = createSession({ root, git: true });
      const { view } = await session.rescan();
      const id = view.items[0]!.id;
      const after = await session.decide(id, { status: 'planned', sprint: 9 });
      assert.equal(after.view.items.find((item) => item.id === id)?.status, 'planned');
      writeFiles(root, { '.debt/portfolio.json': '{ not json' });
      await session.rescan();
      await assert.rejects(session.decide(id, { status: 'accepted' }), /store is read-only/);
      assert.equal(readFileSync(path.join(root, '.debt/portfolio.json'), 'utf8'), '{ not json');
    });
  });
});
