import assert from 'node:assert/strict';
import { createSession } from '../../../../src/core/pipeline/session';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { git, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();
const tag = (root: string, name: string, commit: string, days: number) => git(root, ['tag', '-a', name, '-m', name, commit], { GIT_COMMITTER_DATE: daysAgo(days) });

const CONFIG = { firstSprintStart: '2025-01-06', sprintLengthDays: 14, deliverySprints: 4, deliveryMinSample: 1 };

describe('session: the delivery panel', () => {
  let root: string;
  let repo: ScriptedRepo;
  const commits: string[] = [];

  before(() => {
    root = makeTempDir('debt-session-delivery-');
    repo = new ScriptedRepo(root);
    writeFiles(root, { '.debt/config.json': JSON.stringify(CONFIG) });
    commits.push(repo.commit({ 'src/hot.py': '# TODO: split the parser\ndef parse():\n    return 1\n', 'docs/cold.md': 'cold\n' }, { date: daysAgo(40), message: 'add the parser' }));
    tag(root, 'v1.0.0', commits[0]!, 39);
    commits.push(repo.commit({ 'src/hot.py': '# TODO: split the parser\ndef parse():\n    return 2\n' }, { date: daysAgo(20), message: 'fix: the parser crashed' }));
    tag(root, 'v1.0.1', commits[1]!, 19);
    commits.push(repo.commit({ 'docs/cold.md': 'colder\n' }, { date: daysAgo(10), message: 'docs' }));
    tag(root, 'v1.1.0', commits[2]!, 9);
  });
  after(() => removeDir(root));

  it('needs a scan first, then answers with the figures beside the latest portfolio: its top-interest file, its adherence', async () => {
    const session = createSession({ root, git: true });
    await assert.rejects(session.deliveryPanel(), { name: 'SessionNotReadyError' });
    const { view } = await session.rescan();
    const panel = (await session.deliveryPanel())!;
    assert.equal(panel.releasesFrom, 'tags');
    assert.equal(panel.releases, 3);
    assert.equal(panel.sprints.length, CONFIG.deliverySprints);
    assert.deepEqual(panel.sprints.map((sprint) => sprint.adherence), panel.sprints.map((sprint) => view.plan.adherence.find((past) => past.sprint === sprint.sprint)?.adherence ?? null));
    assert.equal(panel.overall.figures.deploymentFrequency.sample, 3);
    assert.equal(panel.topFiles, 1, 'src/hot.py, the one file with a fix commit, is the costliest tenth');
    // touched: the first commit (hot.py and cold.md) and the fix; the rest: the docs change
    assert.deepEqual([panel.overall.debt!.touched.leadTimeHours.sample, panel.overall.debt!.rest.leadTimeHours.sample], [2, 1]);
  });

  it('reads git once per HEAD commit: a tag added since shows after the next commit, not before', async () => {
    const session = createSession({ root, git: true });
    commits.push(repo.commit({ 'docs/cold.md': 'coldest\n' }, { date: daysAgo(3), message: 'docs again' }));
    await session.rescan();
    assert.equal((await session.deliveryPanel())!.releases, 3);
    tag(root, 'v1.2.0', commits[3]!, 2);
    assert.equal((await session.deliveryPanel())!.releases, 3, 'same HEAD: the figures read before');
    repo.commit({ 'docs/cold.md': 'coldest still\n' }, { date: daysAgo(1), message: 'docs once more' });
    await session.rescan();
    assert.equal((await session.deliveryPanel())!.releases, 4, 'a new HEAD: read again');
  });

  it('is null with git off, and where the folder has no git history', async () => {
    const off = createSession({ root, git: false });
    await off.rescan();
    assert.equal(await off.deliveryPanel(), null);
    const plain = makeTempDir('debt-session-nogit-');
    try {
      writeFiles(plain, { 'a.py': '# TODO: x\n' });
      const session = createSession({ root: plain, git: true });
      await session.rescan();
      assert.equal(await session.deliveryPanel(), null);
    } finally {
      removeDir(plain);
    }
  });
});
