import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './tempDir';

let built: string | undefined;
let scanCaches: string | undefined;

/** Where the CLI under test keeps its scan caches: a temp folder, never the tester's cache or the scanned folder. */
export const testCacheDir = (): string => (scanCaches ??= makeTempDir('debt-cli-cache-'));

/** Bundles the CLI from source once per test run, as `npm run build` does (TypeScript apart), into a folder any user can read. */
export function cliPath(): string {
  if (built) return built;
  const dir = path.join(makeTempDir('debt-cli-'), 'dist');
  mkdirSync(dir);
  chmodSync(path.dirname(dir), 0o755);
  chmodSync(dir, 0o755);
  const repo = path.join(__dirname, '../..');
  execFileSync(process.execPath, [path.join(repo, 'esbuild.config.mjs'), `--outdir=${dir}`], { cwd: repo, stdio: 'inherit' });
  mkdirSync(path.join(dir, '../media'), { recursive: true });
  for (const css of ['dashboard.css', 'report-themes.css']) copyFileSync(path.join(repo, 'media', css), path.join(dir, '../media', css));
  const outfile = path.join(dir, 'cli.js');
  chmodSync(outfile, 0o755);
  return (built = outfile);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a real process; `unprivileged` runs it as nobody when the tests run as root. */
export function runCli(args: string[], options: { cwd?: string; unprivileged?: boolean; input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): CliRun {
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const result = spawnSync(process.execPath, [cliPath(), ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    input: options.input,
    timeout: options.timeoutMs,
    env: { ...process.env, HOME: options.cwd ?? process.env.HOME, DEBT_PORTFOLIO_CACHE_DIR: testCacheDir(), ...options.env },
    ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One test per case: the command exits 2 with one line on stderr matching the message (run in `cwd()`). */
export function itExitsWithUsageErrors(cases: Array<[name: string, args: string[], message: RegExp]>, cwd: () => string): void {
  for (const [name, args, message] of cases) {
    it(`exits 2 with one clear line for ${name}`, () => {
      const run = runCli(args, { cwd: cwd() });
      assert.equal(run.code, 2);
      assert.match(run.stderr, message);
    });
  }
}
