import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repo = path.join(__dirname, '../../..');

/** How often a zod object parse reads `navigator` in a fresh process (VS Code's host logs a stack for each read). */
function navigatorReads(withSetup: boolean): number {
  const script = `
    let reads = 0;
    Object.defineProperty(globalThis, 'navigator', { configurable: true, get() { reads++; return { userAgent: 'node' }; } });
    const { z } = require('zod');
    ${withSetup ? "require('./src/extension/hostZod').useZodWithoutEval();" : ''}
    z.object({ type: z.literal('ready') }).parse({ type: 'ready' });
    process.stdout.write(String(reads));`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: repo, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return Number(result.stdout);
}

describe('zod in the extension host', () => {
  it('never reads navigator once the host has set zod up', () => {
    assert.ok(navigatorReads(false) > 0, 'the probe would not see a read');
    assert.equal(navigatorReads(true), 0);
  });
});
