import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cliPath } from '../../helpers/cli';
import { makeTempDir, removeDir, writeFiles } from '../../helpers/tempDir';

/** A function whose parse and complexity walk take a while: many nested branches. */
const busyFile = (n: number): string =>
  `// TODO: file ${n}\nexport function f${n}(a: number): number {\n${Array.from({ length: 300 }, (_, k) => `  if (a > ${k}) { for (let i = 0; i < a; i++) { a = a ? a - 1 : a + ${k}; } }`).join('\n')}\n  return a;\n}\n`;

describe('CLI signals', () => {
  let root: string;
  before(() => {
    root = makeTempDir('debt-signals-');
    writeFiles(root, Object.fromEntries(Array.from({ length: 1500 }, (_, n) => [`src/f${n}.ts`, busyFile(n)])));
  });
  after(() => removeDir(root));

  it('ends a scan that is busy on SIGTERM within a second: no handler of ours or of a library keeps it alive', async function () {
    this.timeout(120_000);
    const child = spawn(process.execPath, [cliPath(), 'scan', root, '--no-git', '--no-cache'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(child.exitCode, null, `the scan is still running when the signal is sent (it printed: ${output.slice(0, 200)})`);
    const sent = performance.now();
    child.kill('SIGTERM');
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    const tookMs = performance.now() - sent;
    assert.deepEqual({ code, signal }, { code: null, signal: 'SIGTERM' });
    assert.ok(tookMs < 1000, `ended ${Math.round(tookMs)} ms after SIGTERM`);
  });
});
