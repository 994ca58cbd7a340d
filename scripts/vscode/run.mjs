/**
 * `npm run test:integration`: runs test/integration's mocha suites inside a real VS Code extension host
 * (code-server, driven by Debian's Chromium), then the UI checks in ui.mjs against the packaged VSIX.
 * Exits non-zero when anything fails. Artifacts (screenshots) go to test-artifacts/.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { buildSync } from 'esbuild';
import { freshDirs, launchBrowser, log, multiRootWorkspace, startCodeServer } from './codeServer.mjs';
import { repo, setup } from './setup.mjs';

const TIMEOUT_MS = 6 * 60_000;
/** The workbench's own chatter on the automation log, left out of the test output. */
const WORKBENCH_NOISE = /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]|^(Ignoring fetching|Creating a socket|Resolv|Updating additional)/;
export const artifacts = path.join(repo, 'test-artifacts');

export function compileTests() {
  const outfile = path.join(repo, 'out', 'integration', 'index.js');
  buildSync({ entryPoints: [path.join(repo, 'test/integration/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, external: ['vscode', 'mocha'], alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, sourcemap: 'inline', logLevel: 'error' });
  return outfile;
}

/** Runs the suites in the extension host via the extension-test protocol; resolves to the exit code. */
/** Runs the suites (or, with `env.DEBT_PORTFOLIO_SUITES=bench`, the benchmark) in the extension host; `onLine` sees its output. */
export async function runSuites(env = {}, onLine = (line) => process.stdout.write(`${line}\n`)) {
  const tests = compileTests();
  const dirs = freshDirs();
  const target = env.DEBT_PORTFOLIO_SUITES === 'multi-root' ? `workspace=${encodeURIComponent(multiRootWorkspace(dirs))}` : `folder=${encodeURIComponent(dirs.workspace)}`;
  const server = await startCodeServer(dirs, ['--vscode-option', 'enable-smoke-test-driver'], env);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const exit = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
      setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref();
    });
    let suitesDone = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (line.startsWith('DEBT_PORTFOLIO_SUITES_DONE')) suitesDone = true;
      else if (!WORKBENCH_NOISE.test(line)) onLine(line);
    });
    const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(repo)], ['extensionTestsPath', remote(tests)]]);
    await page.goto(`${server.url}/?${target}&payload=${encodeURIComponent(payload)}`);
    const code = await exit;
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'vscode-integration.png') }).catch(() => {});
    if (code === 'timeout') {
      log(`the suites did not finish in ${TIMEOUT_MS / 1000} s; code-server said:\n${server.output().slice(-3000)}`);
      return 1;
    }
    if (code === 0 && !suitesDone) {
      log('the extension host was lost before the suites finished (see the output above)');
      return 1;
    }
    return code;
  } finally {
    await browser.close();
    server.stop();
    rmSync(dirs.base, { recursive: true, force: true });
  }
}

async function main() {
  setup();
  const suites = await runSuites();
  log(`integration suites ${suites === 0 ? 'passed' : `failed (${suites})`}`);
  const multiRoot = await runSuites({ DEBT_PORTFOLIO_SUITES: 'multi-root' });
  log(`multi-root suites ${multiRoot === 0 ? 'passed' : `failed (${multiRoot})`}`);
  const { runUiChecks } = await import('./ui.mjs');
  const ui = await runUiChecks();
  process.exitCode = suites === 0 && multiRoot === 0 && ui === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    log(error.stack ?? String(error));
    process.exitCode = 1;
  });
}
