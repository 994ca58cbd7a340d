/**
 * `npm run test:vscode`: the same integration suites in desktop VS Code downloaded by @vscode/test-electron,
 * for machines that can reach Microsoft's update servers (these cannot: `npm test` uses code-server instead).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { compileTests } from './run.mjs';
import { repo } from './setup.mjs';

const workspace = path.join(mkdtempSync(path.join(tmpdir(), 'debt-electron-')), 'workspace');
cpSync(path.join(repo, 'test', 'fixtures', 'workspace-basic'), workspace, { recursive: true });
try {
  await runTests({ extensionDevelopmentPath: repo, extensionTestsPath: compileTests(), launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'] });
} catch (error) {
  process.stderr.write(`${error}\n`);
  process.exitCode = 1;
}
