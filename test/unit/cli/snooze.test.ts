import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PortfolioView } from '../../../src/core/portfolio/view';
import { runCli } from '../../helpers/cli';
import { git, initRepo, makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';

const DAY_MS = 86_400_000;
const dayFromToday = (days: number): string => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('debt-portfolio status --snooze / --unsnooze (CLI)', () => {
  let root: string;
  const storeFile = () => path.join(root, '.debt/portfolio.json');
  const storeText = () => (existsSync(storeFile()) ? readFileSync(storeFile(), 'utf8') : '(none)');
  const exportJson = (): PortfolioView => JSON.parse(runCli(['export', root, '--format', 'json']).stdout) as PortfolioView;
  const idOf = (text: string): string => exportJson().items.find((item) => item.kind === 'annotation' && item.text === text)!.id;
  const planned = (): string[] => exportJson().plan.roadmap[0]!.items.map((item) => item.id);

  beforeEach(() => {
    root = makeTempDir();
    chmodSync(root, 0o755);
    initRepo(root);
    writeFiles(root, {
      '.debt/config.json': JSON.stringify({ firstSprintStart: dayFromToday(0), sprintLengthDays: 14, capacityHours: 100, allocationPercent: 50 }),
      'a.ts': '// FIXME(effort=2h, impact=high): the costly one\n// TODO(effort=1h): the small one\nexport const a = 1;\n',
    });
    git(root, ['add', '.']);
    git(root, ['commit', '-q', '-m', 'start']);
  });
  afterEach(() => removeDir(root));

  it('snoozes for N sprints by the team calendar: out of the plan, in the store, back after --unsnooze', () => {
    const id = idOf('the costly one');
    assert.ok(planned().includes(id), 'planned before the snooze');
    const run = runCli(['status', id.slice(0, 8), '--dir', root, '--snooze', '2sprints']);
    assert.equal(run.code, 0, run.stderr);
    const until = dayFromToday(14 + 2 * 14);
    assert.match(run.stdout, new RegExp(`^${id} open snoozed until ${until}: FIXME the costly one`));
    assert.equal((JSON.parse(storeText()) as { items: Record<string, { snoozedUntil?: string }> }).items[id]!.snoozedUntil, until);
    assert.equal(exportJson().items.find((item) => item.id === id)!.snoozedUntil, until);
    assert.ok(!planned().includes(id), 'not in the next sprint while snoozed');
    assert.equal(runCli(['status', id, '--dir', root, '--unsnooze']).code, 0);
    assert.ok(!storeText().includes('snoozedUntil'));
    assert.ok(planned().includes(id), 'back in the plan');
  });

  it('snoozes until a date', () => {
    const id = idOf('the small one');
    const until = dayFromToday(30);
    assert.equal(runCli(['status', id, '--dir', root, '--snooze', until]).code, 0);
    assert.match(storeText(), new RegExp(`"snoozedUntil": "${until}"`));
  });

  for (const [given, problem] of [
    ['next week', /is not a date/],
    [dayFromToday(-1), /is not in the future/],
    ['2027-02-30', /is not a date/],
    ['0sprints', /"0sprints": snooze for at least 1 sprint/],
  ] as const) {
    it(`refuses --snooze "${given}" in one line naming the item, and writes nothing`, () => {
      const id = idOf('the small one');
      const before = storeText();
      const run = runCli(['status', id, '--dir', root, '--snooze', given]);
      assert.equal(run.code, 2);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, new RegExp(`^debt-portfolio status: cannot snooze item ${id}: `));
      assert.match(run.stderr, problem);
      assert.equal(storeText(), before);
    });
  }

  it('refuses a snooze on a read-only store, naming the item, and leaves the file as it was', () => {
    writeFiles(root, { '.debt/portfolio.json': '{ "schemaVersion": 2, "items": {' });
    const run = runCli(['status', 'abcdef12', '--dir', root, '--snooze', '1sprint']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /cannot record a decision on abcdef12: \.debt\/portfolio\.json: is not valid JSON/);
    assert.equal(storeText(), '{ "schemaVersion": 2, "items": {');
  });

  it('refuses --snooze with --unsnooze', () => {
    const run = runCli(['status', 'abcdef12', '--dir', root, '--snooze', '1sprint', '--unsnooze']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--snooze and --unsnooze together/);
  });
});
