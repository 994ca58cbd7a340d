import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { LockHeldError } from '../../../../src/core/store/lock';
import { openStore, StoreChangeInvalidError, StoreReadOnlyError } from '../../../../src/core/store/portfolioStore';
import { stableStringify } from '../../../../src/core/store/jsonFile';
import { STORE_FILE, type Decision, type PortfolioData } from '../../../../src/core/store/schema';
import { makeTempDir, removeDir, writeFiles } from '../../../helpers/tempDir';

const decision = (overrides: Partial<Decision> = {}): Decision => ({ status: 'open', file: 'a.ts', tag: 'TODO', text: 'x', firstSeen: '2026-01-01', ...overrides });
const id = (n: number): string => n.toString(16).padStart(16, '0');

function storeOf(count: number): PortfolioData {
  const items: PortfolioData['items'] = {};
  for (let n = 0; n < count; n++) items[id(n)] = decision({ file: `src/f${n % 97}.ts`, text: `item number ${n} to fix`, principal: n % 40 });
  return { schemaVersion: 2, items };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

let writerScript: string | undefined;
/** test/helpers/storeWriter.ts bundled once, so that a writer process starts in tens of milliseconds. */
function storeWriter(): string {
  if (writerScript) return writerScript;
  const outfile = path.join(makeTempDir('debt-writer-'), 'storeWriter.js');
  buildSync({ entryPoints: [path.join(__dirname, '../../../helpers/storeWriter.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
  return (writerScript = outfile);
}

const exited = (child: ChildProcess): Promise<number | null> => new Promise((resolve) => child.on('close', (code) => resolve(code)));

describe('portfolio store safety', () => {
  let root: string;
  beforeEach(() => (root = makeTempDir()));
  afterEach(() => removeDir(root));
  const storePath = (): string => path.join(root, STORE_FILE);
  const debtFiles = (): string[] => readdirSync(path.join(root, '.debt')).sort();

  it('makes a __proto__ key among the items a schema error and stays read-only', async () => {
    const content = `{"schemaVersion": 2, "items": {"__proto__": ${JSON.stringify(decision())}, "${id(1)}": ${JSON.stringify(decision())}}}`;
    writeFiles(root, { [STORE_FILE]: content });
    const store = await openStore(root);
    assert.match(store.readOnly ?? '', /items\.__proto__: not an allowed key/);
    await assert.rejects(store.update((data) => void (data.items[id(2)] = decision())), StoreReadOnlyError);
    assert.equal(readFileSync(storePath(), 'utf8'), content);
  });

  it('refuses a change the next read would reject, naming the field, and writes nothing', async () => {
    const store = await openStore(root);
    await store.update((data) => void (data.items[id(1)] = decision()));
    const before = readFileSync(storePath(), 'utf8');
    await assert.rejects(
      store.update((data) => void (data.items[id(1)]!.notes = 'n'.repeat(10_001))),
      (error: Error) => error instanceof StoreChangeInvalidError && /items\.0000000000000001\.notes/.test(error.message),
    );
    await assert.rejects(store.update((data) => void (data.items[id(1)]!.sprint = 1e20)), StoreChangeInvalidError);
    assert.equal(readFileSync(storePath(), 'utf8'), before);
    assert.equal((await openStore(root)).readOnly, undefined);
    assert.equal(await store.update((data) => void (data.items[id(1)]!.notes = 'fine')), true, 'the store is still writable');
  });

  it('names the lock and its live holder within seconds instead of waiting', async function () {
    this.timeout(20_000);
    const store = await openStore(root);
    const holder = { pid: process.pid, host: hostname(), since: '2026-01-01T10:00:00.000Z', token: 'abcdef' };
    writeFiles(root, { [`${STORE_FILE}.lock`]: JSON.stringify(holder) });
    const started = Date.now();
    await assert.rejects(store.update((data) => void (data.items[id(1)] = decision())), (error: Error) => {
      assert.ok(error instanceof LockHeldError, String(error));
      assert.equal(error.message.split('\n').length, 1);
      assert.match(error.message, new RegExp(`^\\.debt/portfolio\\.json\\.lock is held by process ${process.pid} on .+ since 2026-01-01T10:00:00\\.000Z`));
      return true;
    });
    assert.ok(Date.now() - started < 8_000, `gave up after ${Date.now() - started} ms`);
    assert.equal(existsSync(storePath()), false);
  });

  it('takes over a lock dated in the future, a lock of a dead process and an old lock folder at once', async function () {
    this.timeout(20_000);
    const store = await openStore(root);
    const lock = `${storePath()}.lock`;
    const future = new Date(Date.now() + 3600_000);
    mkdirSync(lock, { recursive: true });
    utimesSync(lock, future, future);
    const cases: Array<() => void> = [
      () => {},
      () => writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), since: '2026-01-01', token: 'dead' })),
      () => {
        mkdirSync(lock);
        const old = new Date(Date.now() - 120_000);
        utimesSync(lock, old, old);
      },
    ];
    for (const [n, makeLock] of cases.entries()) {
      makeLock();
      const started = Date.now();
      await store.update((data) => void (data.items[id(n)] = decision()));
      assert.ok(Date.now() - started < 2_000, `case ${n} waited ${Date.now() - started} ms`);
      assert.equal(existsSync(lock), false);
    }
    assert.equal(Object.keys((await openStore(root)).data().items).length, 3);
  });

  it('removes the temp files of dead writers on the next write and keeps those of live ones', async () => {
    const store = await openStore(root);
    await store.update((data) => void (data.items[id(1)] = decision()));
    const dead = `.portfolio.json.${deadPid()}.0123456789ab.tmp`;
    const deadLock = `.portfolio.json.lock.${deadPid()}.0123456789ab.tmp`;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    const alive = `.portfolio.json.${live.pid}.0123456789ab.tmp`;
    try {
      writeFiles(root, { [`.debt/${dead}`]: '{"half', [`.debt/${deadLock}`]: '{}', [`.debt/${alive}`]: '{"being written' });
      await store.update((data) => void (data.items[id(2)] = decision()));
      assert.deepEqual(debtFiles(), [alive, 'portfolio.json']);
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('keeps the permission bits of the store it replaces', async () => {
    const store = await openStore(root);
    await store.update((data) => void (data.items[id(1)] = decision()));
    chmodSync(storePath(), 0o444);
    await store.update((data) => void (data.items[id(2)] = decision()));
    assert.equal(statSync(storePath()).mode & 0o777, 0o444);
    chmodSync(storePath(), 0o660);
    await store.update((data) => void (data.items[id(3)] = decision()));
    assert.equal(statSync(storePath()).mode & 0o777, 0o660);
  });

  it('neither reads nor writes through a .debt that links out of the folder, and follows one that stays inside', async () => {
    const outside = makeTempDir('debt-outside-');
    try {
      writeFiles(outside, { 'portfolio.json': stableStringify(storeOf(1)) });
      const before = readFileSync(path.join(outside, 'portfolio.json'), 'utf8');
      symlinkSync(outside, path.join(root, '.debt'));
      const store = await openStore(root);
      assert.match(store.readOnly ?? '', /^\.debt\/portfolio\.json: leads out of the workspace folder through a symbolic link/);
      assert.deepEqual(store.data().items, {});
      await assert.rejects(store.update((data) => void (data.items[id(5)] = decision())), StoreReadOnlyError);
      assert.deepEqual(readdirSync(outside), ['portfolio.json']);
      assert.equal(readFileSync(path.join(outside, 'portfolio.json'), 'utf8'), before);
    } finally {
      removeDir(outside);
    }
    const inside = path.join(root, 'team', 'debt');
    mkdirSync(inside, { recursive: true });
    removeDir(path.join(root, '.debt'));
    symlinkSync(inside, path.join(root, '.debt'));
    const store = await openStore(root);
    assert.equal(store.readOnly, undefined);
    await store.update((data) => void (data.items[id(1)] = decision()));
    assert.ok(existsSync(path.join(inside, 'portfolio.json')));
  });

  it('refuses a store over the size limit before reading it', async () => {
    mkdirSync(path.join(root, '.debt'));
    writeFileSync(storePath(), '');
    truncateSync(storePath(), 65 * 2 ** 20);
    const started = Date.now();
    const store = await openStore(root);
    assert.match(store.readOnly ?? '', /^\.debt\/portfolio\.json: is 68157440 bytes, over the limit of 67108864 bytes \(64 MiB\); it is not read/);
    assert.ok(Date.now() - started < 1_000);
  });

  it('loses no change when several processes write a large store at once', async function () {
    this.timeout(60_000);
    writeFiles(root, { [STORE_FILE]: stableStringify(storeOf(20_000)) });
    const writers = ['a', 'b', 'c'].map((prefix) => spawn(process.execPath, [storeWriter(), root, prefix, '2'], { stdio: ['ignore', 'ignore', 'pipe'] }));
    const errors = writers.map((child) => {
      let text = '';
      child.stderr!.on('data', (chunk) => (text += chunk));
      return () => text;
    });
    const codes = await Promise.all(writers.map(exited));
    assert.deepEqual(codes, [0, 0, 0], errors.map((e) => e()).join(''));
    const items = (await openStore(root)).data().items;
    assert.equal(Object.keys(items).length, 20_006);
    for (const prefix of ['a', 'b', 'c']) assert.equal(Object.keys(items).filter((key) => key.startsWith(prefix)).length, 2, prefix);
  });

  it('survives 50 writers killed at random points: a valid store, no stray temp file, a lock the next writer takes', async function () {
    this.timeout(120_000);
    writeFiles(root, { [STORE_FILE]: stableStringify(storeOf(1_000)) });
    const store = await openStore(root);
    let killedHoldingLock = 0;
    let killedLeavingTemp = 0;
    for (let round = 0; round < 50; round++) {
      const child = spawn(process.execPath, [storeWriter(), root, `c${round.toString(16)}`, 'forever'], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise((resolve) => child.stdout!.once('data', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
      child.kill('SIGKILL');
      await exited(child);
      if (existsSync(`${storePath()}.lock`)) killedHoldingLock++;
      if (debtFiles().some((name) => name.endsWith('.tmp'))) killedLeavingTemp++;
      const after = await openStore(root);
      assert.equal(after.readOnly, undefined, `round ${round}: ${after.readOnly}`);
      assert.ok(Object.keys(after.data().items).length >= 1_000 + round);
      const started = Date.now();
      await store.update((data) => void (data.items[id(100_000 + round)] = decision()));
      assert.ok(Date.now() - started < 3_000, `round ${round}: the next writer waited ${Date.now() - started} ms`);
      assert.deepEqual(debtFiles(), ['portfolio.json'], `round ${round}`);
    }
    assert.ok(killedHoldingLock >= 5, `only ${killedHoldingLock} of 50 kills hit a writer holding the lock`);
    process.stdout.write(`      (${killedHoldingLock} kills held the lock, ${killedLeavingTemp} left a temp file)\n`);
  });
});
