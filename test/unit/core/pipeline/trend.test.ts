import assert from 'node:assert/strict';
import { defaultConfig } from '../../../../src/core/config';
import { tagMatcher } from '../../../../src/core/annotations';
import { scanCommit } from '../../../../src/core/pipeline/scanCommit';
import { trendOf } from '../../../../src/core/pipeline/trend';
import { runCli } from '../../../helpers/cli';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { makeTempDir, removeDir } from '../../../helpers/tempDir';

describe('trend from git history', () => {
  let root: string;
  let repo: ScriptedRepo;
  const config = { ...defaultConfig(), firstSprintStart: '2026-01-05' };
  const commits: string[] = [];

  before(() => {
    root = makeTempDir();
    repo = new ScriptedRepo(root);
    commits.push(repo.commit({ 'a.ts': '// TODO: one\nconst s = "// TODO not a comment";\n' }, { date: '2026-01-20T10:00:00Z' }));
    commits.push(repo.commit({ 'b.py': '# FIXME(effort=1d): two\n' }, { date: '2026-02-10T10:00:00Z', message: 'fix: two' }));
    commits.push(repo.commit({ 'a.ts': 'const s = "// TODO not a comment";\n' }, { date: '2026-02-20T10:00:00Z' }));
  });
  after(() => removeDir(root));

  it('finds the annotations of a past commit without checking it out, strings left out', async () => {
    const { items } = await scanCommit(root, commits[1]!, config, { tags: tagMatcher(config.tags), parse: true });
    assert.deepEqual(items.map((i) => `${i.file}:${i.line} ${i.kind === 'annotation' ? `${i.tag} ${i.text}` : 'name' in i ? i.name : i.file}`).sort(), ['a.ts:1 TODO one', 'b.py:1 FIXME two']);
  });

  it('counts open annotations and their interest at each sprint boundary', async () => {
    // sprint 1 starts 2026-01-05; 2026-03-02 is in sprint 5; three sprints: boundaries Feb 2, Feb 16, Mar 2
    const points = await trendOf(root, config, { sprints: 3, today: '2026-03-02' });
    assert.deepEqual(points.map((p) => [p.sprint, p.date, p.commit, p.openItems]), [
      [3, '2026-02-02', commits[0], 1],
      [4, '2026-02-16', commits[1], 2],
      [5, '2026-03-02', commits[2], 1],
    ]);
    assert.ok(points.every((p) => p.interest > 0), 'items touched in the window cost interest');
  });

  it('gives zero before the first commit', async () => {
    // 2026-02-03 is in sprint 3: boundaries Jan 5 and Jan 19 come before the first commit (Jan 20)
    const points = await trendOf(root, config, { sprints: 3, today: '2026-02-03' });
    assert.deepEqual(points.map((p) => [p.sprint, p.commit, p.openItems]), [[1, null, 0], [2, null, 0], [3, commits[0], 1]]);
  });

  it('is a CLI command with JSON, and says so when history is off', () => {
    const run = runCli(['trend', root, '--sprints', '2', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).points.length, 2);
    const plain = makeTempDir();
    try {
      const off = runCli(['trend', plain]);
      assert.equal(off.code, 2);
      assert.match(off.stderr, /git history is off: not a git repository/);
    } finally {
      removeDir(plain);
    }
  });

  it('takes --since for the history window', () => {
    const wide = JSON.parse(runCli(['export', root, '--format', 'json', '--since', '5y']).stdout);
    const narrow = JSON.parse(runCli(['export', root, '--format', 'json', '--since', '1d']).stdout);
    type View = { items: Array<{ file: string; score: { interest: number; terms: Array<{ name: string; formula: string }> } }> };
    const b = (view: View) => view.items.find((i) => i.file === 'b.py')!.score;
    assert.ok(b(wide).interest > b(narrow).interest);
    assert.match(b(narrow).terms.find((t) => t.name === 'changesPerSprint')!.formula, /^0 recency-weighted commits ÷ 0\.07 sprints \+ 0\.12 expected of any file$/);
    assert.match(runCli(['scan', root, '--since', 'soon']).stderr, /--since must be a span like 90d/);
  });
});

describe("a past commit's vendored files", () => {
  let root: string;
  before(() => (root = makeTempDir()));
  after(() => removeDir(root));

  it("are those of that commit's .gitattributes, not today's", async () => {
    const config = defaultConfig();
    const repo = new ScriptedRepo(root);
    const then = repo.commit({ '.gitattributes': 'third/** linguist-vendored\n', 'third/lib.ts': '// TODO: theirs\n', 'src/gen.ts': '// TODO: ours then\n' }, { date: '2026-01-20T10:00:00Z' });
    const now = repo.commit({ '.gitattributes': 'src/gen.ts linguist-generated\n' }, { date: '2026-02-10T10:00:00Z' });
    const files = async (commit: string) => (await scanCommit(root, commit, config, { tags: tagMatcher(config.tags), parse: false })).items.map((item) => item.file).sort();
    assert.deepEqual(await files(then), ['src/gen.ts']);
    assert.deepEqual(await files(now), ['third/lib.ts']);
  });
});
