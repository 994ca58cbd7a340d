import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { runCli, type CliRun } from '../../helpers/cli';
import { git, initRepo, makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';
import { HOSTILE_TEXTS, RAW_CONTROL } from '../../helpers/hostile';

const FAKE_PASS = '␛[1A␛[2K␛[32mcheck passed';

describe('terminal output of every command (control characters)', () => {
  let root: string;
  before(() => {
    root = makeTempDir();
    chmodSync(root, 0o755);
    initRepo(root);
    writeFiles(root, { 'a.py': '# TODO(alice): base\n' });
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'base']);
    writeFiles(root, {
      'a.py': `# TODO(alice): base\n${HOSTILE_TEXTS.map((text) => `# TODO: ${text}\n`).join('')}`,
      '\x1b[2Jb.ts': 'export function f(a: number) {\n  return a;\n}\n',
      '.debt/incidents.json': JSON.stringify({ incidents: [], '\x1b[1A\x1b[2K\x1b[32mcheck passed': 1 }),
    });
  });
  after(() => removeDir(root));

  const clean = (run: CliRun): void => {
    assert.doesNotMatch(run.stdout, RAW_CONTROL);
    assert.doesNotMatch(run.stderr, RAW_CONTROL);
  };

  it('scan: the table and the notices on stderr', () => {
    const run = runCli(['scan', root]);
    assert.equal(run.code, 0, run.stderr);
    clean(run);
    assert.match(run.stdout, /␛\[2J/);
    assert.ok(run.stdout.includes(FAKE_PASS), run.stdout);
    assert.ok(run.stderr.includes(FAKE_PASS), run.stderr);
  });

  it('check: the new items it lists cannot fake a pass', () => {
    const run = runCli(['check', root, '--base', 'HEAD']);
    assert.equal(run.code, 1, run.stderr);
    clean(run);
    assert.ok(run.stdout.includes(`without META: ${FAKE_PASS}`), run.stdout);
    assert.match(run.stdout, /^check failed: /m);
  });

  it('plan, in the table and in Markdown', () => {
    for (const format of ['table', 'md']) {
      const run = runCli(['plan', root, '--format', format]);
      assert.equal(run.code, 0, run.stderr);
      clean(run);
      assert.match(run.stdout, /␛\\?\[2J/);
    }
  });

  it('metrics: a file name with an escape', () => {
    const run = runCli(['metrics', root]);
    assert.equal(run.code, 0, run.stderr);
    clean(run);
    assert.match(run.stdout, /␛\[2Jb\.ts:1:8/);
  });

  it('status: the item it names', () => {
    const scan = JSON.parse(runCli(['scan', root, '--format', 'json']).stdout) as { items: Array<{ id: string; text: string }> };
    const item = scan.items.find((i) => i.text.startsWith('\x1b[1A'))!;
    const run = runCli(['status', item.id, '--set', 'planned', '--dir', root]);
    assert.equal(run.code, 0, run.stderr);
    clean(run);
    assert.ok(run.stdout.includes(FAKE_PASS), run.stdout);
  });

  it('export: JSON and SARIF stay lossless and valid, CSV and Markdown show the escapes', () => {
    const json = runCli(['export', root, '--format', 'json']);
    clean(json);
    assert.ok((JSON.parse(json.stdout) as { items: Array<{ text?: string }> }).items.some((i) => i.text === HOSTILE_TEXTS[2]));
    for (const format of ['csv', 'md', 'sarif']) clean(runCli(['export', root, '--format', format]));
  });
});
