import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../../../src/core/config';
import { runGit } from '../../../../src/core/git/run';
import { lineAges } from '../../../../src/core/history/blame';
import { readHistory } from '../../../../src/core/history/history';
import { historySettingsOf } from '../../../../src/core/pipeline/historyScorer';
import type { PortfolioItem } from '../../../../src/core/portfolio/view';
import { runCli } from '../../../helpers/cli';
import { ScriptedRepo } from '../../../helpers/gitRepo';
import { git, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d+Z$/, 'Z');

/** A repository with one committed TODO (Alice's) and one not committed yet, plus the program a repository could make git run. */
function buildRepo(root: string): { marker: string; evil: string } {
  const repo = new ScriptedRepo(root);
  repo.commit({ 'a.ts': '// TODO: old one\nconst x = 1;\n' }, { date: daysAgo(30), author: 'Alice <alice@example.com>' });
  repo.commit({ 'b.py': '# nothing here\n' }, { date: daysAgo(20), author: 'Bob <bob@example.com>', message: 'fix: b' });
  writeFiles(root, { 'a.ts': '// TODO: new one\n// TODO: old one\nconst x = 1;\n' });
  const marker = path.join(root, '..', `${path.basename(root)}-ran`);
  const evil = path.join(root, '..', `${path.basename(root)}-evil.sh`);
  writeFileSync(evil, `#!/bin/sh\necho "$0 $*" >> '${marker}'\nif [ $# -eq 1 ] && [ -f "$1" ]; then cat "$1"; elif [ $# -eq 0 ]; then cat; fi\nexit 0\n`, { mode: 0o755 });
  return { marker, evil };
}

/** Runs plain git (no hardening) as a user would, to show the test can see the program run. */
function plainGit(root: string, args: string[], env: Record<string, string> = {}): void {
  const identity = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@x' };
  spawnSync('git', args, { cwd: root, stdio: 'ignore', env: { ...process.env, HOME: root, ...identity, ...env }, timeout: 10_000 });
}

interface Way {
  name: string;
  setup(root: string, evil: string): void;
  witness(root: string, evil: string): void;
  env?: (root: string, evil: string) => Record<string, string>;
}

const attributes = (root: string, line: string): void => {
  writeFileSync(path.join(root, '.git', 'info', 'attributes'), `${line}\n`);
  writeFiles(root, { '.gitattributes': `${line}\n` });
};

const WAYS: Way[] = [
  { name: 'core.fsmonitor', setup: (r, e) => git(r, ['config', 'core.fsmonitor', e]), witness: (r) => plainGit(r, ['status']) },
  {
    name: 'filter.*.clean (the working-tree blame)',
    setup: (r, e) => (attributes(r, '*.ts filter=evil'), git(r, ['config', 'filter.evil.clean', e])),
    witness: (r) => plainGit(r, ['blame', '--porcelain', '--no-textconv', '--', 'a.ts']),
  },
  {
    name: 'filter.*.smudge',
    setup: (r, e) => (attributes(r, '*.ts filter=evil'), git(r, ['config', 'filter.evil.smudge', e])),
    witness: (r) => plainGit(r, ['cat-file', '--filters', 'HEAD:a.ts']),
  },
  {
    name: 'filter.*.process with required',
    setup: (r, e) => (attributes(r, '*.ts filter=evil'), git(r, ['config', 'filter.evil.process', e]), git(r, ['config', 'filter.evil.required', 'true'])),
    witness: (r) => plainGit(r, ['blame', '--porcelain', '--', 'a.ts']),
  },
  {
    name: 'diff.*.textconv',
    setup: (r, e) => (attributes(r, '*.ts diff=evil'), git(r, ['config', 'diff.evil.textconv', e])),
    witness: (r) => plainGit(r, ['log', '-p', '--', 'a.ts']),
  },
  { name: 'diff.external', setup: (r, e) => git(r, ['config', 'diff.external', e]), witness: (r) => plainGit(r, ['diff', 'HEAD']) },
  { name: 'core.pager', setup: (r, e) => git(r, ['config', 'core.pager', e]), witness: (r) => void spawnSync('script', ['-qc', 'git log', '/dev/null'], { cwd: r, stdio: 'ignore', env: { ...process.env, HOME: r, TERM: 'dumb' }, timeout: 10_000 }) },
  { name: 'core.hooksPath', setup: hooks, witness: (r) => plainGit(r, ['commit', '-q', '--allow-empty', '-m', 'x']) },
  { name: 'include.path', setup: (r, e) => include(r, e, 'include.path'), witness: (r) => plainGit(r, ['status']) },
  { name: 'includeIf', setup: (r, e) => include(r, e, `includeIf.gitdir:${r}/.path`), witness: (r) => plainGit(r, ['status']) },
  { name: 'gpg.program with log.showSignature', setup: signedCommit, witness: (r) => plainGit(r, ['log', '-1']) },
  { name: 'core.sshCommand (a partial clone fetching a missing object)', setup: partialClone, witness: (r) => plainGit(r, ['cat-file', '-p', MISSING_BLOB]) },
  {
    name: 'inherited GIT_* variables (GIT_DIR of another repository, GIT_CONFIG_PARAMETERS, GIT_EXTERNAL_DIFF)',
    setup: () => undefined,
    witness: (r, e) => plainGit(r, ['status'], { GIT_CONFIG_PARAMETERS: `'core.fsmonitor=${e}'` }),
    env: (r, e) => ({ GIT_DIR: otherRepository(r), GIT_CONFIG_PARAMETERS: `'core.fsmonitor=${e}'`, GIT_EXTERNAL_DIFF: e, GIT_INDEX_FILE: path.join(r, '..', 'no-index') }),
  },
];

function hooks(root: string, evil: string): void {
  const dir = path.join(root, '..', `${path.basename(root)}-hooks`);
  mkdirSync(dir, { recursive: true });
  for (const hook of ['pre-commit', 'post-index-change', 'reference-transaction', 'post-checkout', 'pre-auto-gc']) writeFileSync(path.join(dir, hook), `#!/bin/sh\nexec '${evil}' x y\n`, { mode: 0o755 });
  git(root, ['config', 'core.hooksPath', dir]);
}

function include(root: string, evil: string, key: string): void {
  const file = path.join(root, '.git', 'evil.config');
  writeFileSync(file, `[core]\n\tfsmonitor = ${evil}\n`);
  git(root, ['config', key, file]);
}

function signedCommit(root: string, evil: string): void {
  const tree = git(root, ['rev-parse', 'HEAD^{tree}']).trim();
  const parent = git(root, ['rev-parse', 'HEAD']).trim();
  const when = Math.floor((Date.now() - 10 * DAY) / 1000);
  const body = `tree ${tree}\nparent ${parent}\nauthor Eve <eve@x> ${when} +0000\ncommitter Eve <eve@x> ${when} +0000\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n -----END PGP SIGNATURE-----\n\nsigned\n`;
  const commit = spawnSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: root, input: body, encoding: 'utf8' }).stdout.trim();
  git(root, ['update-ref', 'refs/heads/main', commit]);
  git(root, ['config', 'log.showSignature', 'true']);
  git(root, ['config', 'gpg.program', evil]);
}

const MISSING_BLOB = '1234567890abcdef1234567890abcdef12345678';

/** A partial clone: reading an object it lacks makes git fetch it from the promisor remote, over ssh. */
function partialClone(root: string, evil: string): void {
  for (const [key, value] of [['core.repositoryformatversion', '1'], ['extensions.partialClone', 'origin'], ['remote.origin.url', 'ssh://git@example.invalid/x'], ['remote.origin.promisor', 'true'], ['core.sshCommand', evil]]) git(root, ['config', key!, value!]);
}

function otherRepository(root: string): string {
  const other = path.join(root, '..', `${path.basename(root)}-other`);
  if (existsSync(other)) return path.join(other, '.git');
  mkdirSync(other);
  new ScriptedRepo(other).commit({ 'elsewhere.ts': '// TODO: not this repository\n' }, { date: daysAgo(5) });
  return path.join(other, '.git');
}

describe('a hostile repository runs nothing', function () {
  this.timeout(120_000);
  let base: string;
  let root: string;
  beforeEach(() => {
    base = makeTempDir();
    root = path.join(base, 'repo');
    mkdirSync(root);
  });
  afterEach(() => removeDir(base));

  for (const way of WAYS) {
    it(`through ${way.name}: scan, check --base, trend, status, blame and history run no program, and their results hold`, async () => {
      const { marker, evil } = buildRepo(root);
      way.setup(root, evil);
      way.witness(root, evil);
      assert.ok(existsSync(marker), `plain git runs the program here (${way.name}): the test can see it`);
      rmSync(marker);
      const env = way.env?.(root, evil) ?? {};

      const scan = runCli(['scan', root, '--format', 'json'], { cwd: root, env });
      assert.equal(scan.code, 0, scan.stderr);
      const items = (JSON.parse(scan.stdout) as { items: PortfolioItem[] }).items.filter((item) => item.file === 'a.ts');
      const ageOf = (text: string) => items.find((item) => 'text' in item && item.text === text)?.age;
      assert.equal(ageOf('new one')?.author, 'Not Committed Yet');
      assert.equal(ageOf('old one')?.author, 'Alice');

      const check = runCli(['check', root, '--base', 'HEAD'], { cwd: root, env });
      assert.equal(check.code, 1, check.stderr);
      assert.match(check.stdout, /a\.ts:1:4: new TODO without META: new one/);
      assert.doesNotMatch(check.stdout, /old one/);
      const trend = runCli(['trend', root, '--sprints', '2', '--format', 'json'], { cwd: root, env });
      assert.equal(trend.code, 0, trend.stderr);
      const status = runCli(['status', items[0]!.id, '--set', 'planned', '--dir', root], { cwd: root, env });
      assert.equal(status.code, 0, status.stderr);

      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        await runGit(root, ['cat-file', '-p', MISSING_BLOB]);
        await directReadsHold(root);
      } finally {
        for (const key of Object.keys(env)) if (saved[key] === undefined) delete process.env[key];
      }
      assert.equal(existsSync(marker), false, existsSync(marker) ? readFileSync(marker, 'utf8') : '');
    });
  }
});

async function directReadsHold(root: string): Promise<void> {
  const ages = await lineAges(root, 'a.ts', new Map());
  assert.ok(ages && ages !== 'not-cached');
  assert.deepEqual([ages[1]!.author, ages[2]!.author, ages[3]!.author], ['Not Committed Yet', 'Alice', 'Alice']);
  const history = await readHistory(root, historySettingsOf(defaultConfig()));
  assert.ok(history.available, 'reason' in history ? history.reason : '');
  assert.equal(history.files.get('b.py')?.fixCommits, 1);
}
