import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore, StoreReadOnlyError } from '../../../../src/core/store/portfolioStore';
import { STORE_FILE, type Decision, type PortfolioData } from '../../../../src/core/store/schema';
import { git, initRepo, makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const decision = (overrides: Partial<Decision> = {}): Decision => ({ status: 'open', file: 'a.ts', tag: 'TODO', text: 'x', firstSeen: '2026-01-01', ...overrides });
const id = (n: number): string => n.toString(16).padStart(16, '0');

describe('portfolio store', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));
  const storePath = (): string => path.join(root, STORE_FILE);

  it('starts empty, writes with sorted keys, one item per object, and reads back', async () => {
    const store = await openStore(root);
    assert.deepEqual(store.data(), { schemaVersion: 2, items: {} });
    assert.equal(await store.update((data) => void (data.items[id(2)] = decision({ text: 'b', status: 'planned', sprint: 3 }))), true);
    await store.update((data) => void (data.items[id(1)] = decision({ text: 'a' })));
    const text = readFileSync(storePath(), 'utf8');
    assert.equal(
      text,
      `{
  "items": {
    "0000000000000001": {
      "file": "a.ts",
      "firstSeen": "2026-01-01",
      "status": "open",
      "tag": "TODO",
      "text": "a"
    },
    "0000000000000002": {
      "file": "a.ts",
      "firstSeen": "2026-01-01",
      "sprint": 3,
      "status": "planned",
      "tag": "TODO",
      "text": "b"
    }
  },
  "schemaVersion": 2
}
`,
    );
    const reopened = await openStore(root);
    assert.equal(reopened.data().items[id(2)]?.sprint, 3);
  });

  it('does not write when nothing changed', async () => {
    const store = await openStore(root);
    await store.update((data) => void (data.items[id(1)] = decision()));
    writeFileSync(storePath(), readFileSync(storePath(), 'utf8').replace('\n}\n', '\n}\n\n'));
    assert.equal(await store.update(() => {}), false);
    assert.match(readFileSync(storePath(), 'utf8'), /\n}\n\n$/);
  });

  it('migrates a version 1 file', async () => {
    writeFiles(root, {
      [STORE_FILE]: JSON.stringify({
        version: 1,
        decisions: [{ id: id(7), status: 'accepted', note: 'we live with it', file: 'src/x.py', tag: 'HACK', text: 'temporary', date: '2025-05-01' }],
      }),
    });
    const store = await openStore(root);
    assert.equal(store.readOnly, undefined);
    assert.deepEqual(store.data(), {
      schemaVersion: 2,
      items: { [id(7)]: { status: 'accepted', notes: 'we live with it', decidedAt: '2025-05-01', file: 'src/x.py', tag: 'HACK', text: 'temporary', firstSeen: '2025-05-01' } },
    });
    await store.update((data) => void (data.items[id(7)]!.sprint = 4));
    assert.equal(JSON.parse(readFileSync(storePath(), 'utf8')).schemaVersion, 2);
  });

  const unusable: Array<[string, string, RegExp]> = [
    ['invalid JSON', '{"schemaVersion": 2, "items": {', /is not valid JSON/],
    ['merge conflict markers', '{\n<<<<<<< HEAD\n"a": 1\n=======\n"a": 2\n>>>>>>> branch\n}\n', /merge conflict markers at line 2/],
    ['an empty file', '', /is empty/],
    ['a newer schema version', '{"schemaVersion": 9, "items": {}}', /newer version \(schema 9/],
    ['a bad status', `{"schemaVersion": 2, "items": {"${id(1)}": {"status": "maybe", "file": "a", "tag": "T", "text": "t", "firstSeen": "2026-01-01"}}}`, /items\.0000000000000001\.status/],
    ['no version', '{"items": {}}', /no schemaVersion/],
  ];
  for (const [name, content, reason] of unusable) {
    it(`keeps ${name} untouched, names it, and stays read-only`, async () => {
      writeFiles(root, { [STORE_FILE]: content });
      const store = await openStore(root);
      assert.ok(store.readOnly?.startsWith(`${STORE_FILE}: `), store.readOnly);
      assert.match(store.readOnly!, reason);
      await assert.rejects(store.update((data) => void (data.items[id(1)] = decision())), StoreReadOnlyError);
      assert.equal(readFileSync(storePath(), 'utf8'), content);
    });
  }

  it('turns read-only when the file goes bad between writes, and never writes over it', async () => {
    const store = await openStore(root);
    await store.update((data) => void (data.items[id(1)] = decision()));
    writeFileSync(storePath(), '{ broken');
    await assert.rejects(store.update((data) => void (data.items[id(2)] = decision())), StoreReadOnlyError);
    assert.equal(readFileSync(storePath(), 'utf8'), '{ broken');
    assert.match(store.readOnly!, /not valid JSON/);
  });

  it('merges in git when two branches change different items', async () => {
    initRepo(root);
    const store = await openStore(root);
    await store.update((data) => {
      for (let n = 1; n <= 5; n++) data.items[id(n)] = decision({ text: `item ${n}` });
    });
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'portfolio']);
    git(root, ['checkout', '-qb', 'left']);
    await store.update((data) => void Object.assign(data.items[id(2)]!, { status: 'planned', sprint: 5, decidedAt: '2026-02-01' }));
    git(root, ['commit', '-qam', 'plan 2']);
    git(root, ['checkout', '-q', 'main']);
    await store.update((data) => void Object.assign(data.items[id(3)]!, { status: 'wontfix', notes: 'by design', decidedAt: '2026-02-02' }));
    git(root, ['commit', '-qam', 'wontfix 3']);
    git(root, ['merge', '-q', '--no-edit', 'left']);
    const merged = (await openStore(root)).data() as PortfolioData;
    assert.equal(merged.items[id(2)]?.status, 'planned');
    assert.equal(merged.items[id(3)]?.status, 'wontfix');
    assert.equal(Object.keys(merged.items).length, 5);
  });

  it('loses no update when two processes write 200 times each', async function () {
    this.timeout(120_000);
    const writer = path.join(__dirname, '../../../helpers/storeWriter.ts');
    const run = (prefix: string): Promise<number | null> =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', writer, root, prefix, '200'], { stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('close', resolve);
      });
    assert.deepEqual(await Promise.all([run('a'), run('b')]), [0, 0]);
    const items = (await openStore(root)).data().items;
    assert.equal(Object.keys(items).length, 400);
    assert.equal(Object.keys(items).filter((key) => key.startsWith('a')).length, 200);
  });
});
