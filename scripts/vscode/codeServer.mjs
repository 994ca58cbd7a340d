/** Starting and stopping code-server, and driving it with Debian's Chromium through playwright-core. */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { codeServerEntry, node24, repo } from './setup.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};

export const log = (message) => process.stderr.write(`vscode: ${message}\n`);

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Gives the workspace a short git history (dated commits, one a fix), so scores and ages come from git. */
function commitHistory(workspace) {
  const git = (args, date) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 'Dana', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana', GIT_COMMITTER_EMAIL: 'dana@example.com', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) } });
  const daysAgo = (n) => new Date(Date.now() - n * 86_400_000).toISOString();
  git(['init', '-q', '-b', 'main']);
  git(['add', '-A']);
  git(['commit', '-qm', 'first version'], daysAgo(40));
  appendFileSync(path.join(workspace, 'src', 'orders.ts'), '\nexport const currency = "EUR";\n');
  git(['commit', '-qam', 'fix: totals in euros'], daysAgo(10));
}

/** A fresh copy of the fixture workspace (with a git history), and fresh user-data and extensions folders. */
export function freshDirs(fixture = 'workspace-basic') {
  const base = mkdtempSync(path.join(tmpdir(), 'debt-vscode-'));
  const workspace = path.join(base, 'workspace');
  cpSync(path.join(repo, 'test', 'fixtures', fixture), workspace, { recursive: true });
  commitHistory(workspace);
  const userData = path.join(base, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const extensions = path.join(base, 'extensions');
  mkdirSync(extensions);
  return { base, workspace, userData, extensions };
}

/** Two copies of the fixture as one multi-root workspace; returns the .code-workspace file. */
export function multiRootWorkspace(dirs) {
  const second = path.join(dirs.base, 'second');
  cpSync(path.join(repo, 'test', 'fixtures', 'workspace-basic'), second, { recursive: true });
  const file = path.join(dirs.base, 'both.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: dirs.workspace }, { path: second }] }));
  return file;
}

const env = () => ({ ...process.env, EXTENSIONS_GALLERY: '{}', HOME: process.env.HOME ?? tmpdir() });

/** Installs a VSIX into an extensions folder with code-server's own CLI. */
export function installVsix(vsix, dirs) {
  return new Promise((resolve, reject) => {
    const child = spawn(node24, [codeServerEntry, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix, '--force'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`installing ${vsix} failed: ${output}`))));
  });
}

/** Starts code-server on a free loopback port; resolves once it listens. */
export async function startCodeServer(dirs, extraArgs = [], extraEnv = {}) {
  const port = await freePort();
  const args = [codeServerEntry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, ...extraArgs, dirs.workspace];
  const child = spawn(node24, args, { env: { ...env(), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (data) => {
      output += data;
      if (/HTTP server listening/.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`code-server exited (${code}): ${output.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`code-server did not start in 60 s: ${output.slice(-2000)}`)), 60_000).unref();
  });
  await ready;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}
