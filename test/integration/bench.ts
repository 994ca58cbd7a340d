/** Measurements in the real extension host, printed as one BENCH_RESULT line for bench/extension.bench.mjs. */
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { createSession } from '../../src/core/pipeline/session';
import { api, uriOf } from './helpers';

const SAVES = 20;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

describe('extension benchmark', () => {
  it('measures activation and save-to-tree time on a 2,000-line file', async () => {
    const exports = await api();
    const uri = uriOf('bench/big.ts');
    const lines = Array.from({ length: 2000 }, (_, i) => (i % 100 === 0 ? `// TODO: item ${i}` : `export const v${i} = ${i};`));
    await vscode.workspace.fs.writeFile(uri, Buffer.from(`${lines.join('\n')}\n`));
    const editor = await vscode.window.showTextDocument(uri);
    const times: number[] = [];
    for (let k = 0; k < SAVES; k++) {
      const text = `// TODO: changed ${k}`;
      await editor.edit((edit) => edit.replace(new vscode.Range(1000, 0, 1000, editor.document.lineAt(1000).text.length), text));
      const seen = new Promise<number>((resolve) => {
        const listener = exports.service.onDidChange(() => {
          const found = exports.service.portfolios()[0]?.view.items.some((item) => item.file === 'bench/big.ts' && item.kind === 'annotation' && item.text === `changed ${k}`);
          if (found) {
            listener.dispose();
            resolve(performance.now());
          }
        });
      });
      const started = performance.now();
      await editor.document.save();
      times.push((await seen) - started);
    }
    const treeItems = exports.tree.visibleItems().filter((item) => item.file === 'bench/big.ts').length;
    assert.equal(treeItems, 20);
    console.log(`BENCH_RESULT ${JSON.stringify({ saves: SAVES, medianSaveToTreeMs: median(times), maxSaveToTreeMs: Math.max(...times), slowestSave: times.indexOf(Math.max(...times)) + 1, activation: exports.activationMs })}`);
  });

  it('measures the event-loop delay during a first full scan of a large folder, in the worker and on this thread', async function () {
    this.timeout(900_000);
    const corpus = process.env.DEBT_PORTFOLIO_BENCH_CORPUS;
    assert.ok(corpus, 'bench/extension.bench.mjs names the corpus');
    const exports = await api();
    const delayDuring = async <T>(work: () => Promise<T>) => {
      const histogram = monitorEventLoopDelay({ resolution: 10 });
      histogram.enable();
      const started = performance.now();
      const result = await work();
      const ms = performance.now() - started;
      histogram.disable();
      return { result, scanMs: ms, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6, meanDelayMs: histogram.mean / 1e6 };
    };
    const inWorker = await delayDuring(() => exports.sessions.request({ type: 'rescan', root: corpus, git: true }));
    const onThisThread = await delayDuring(() => createSession({ root: corpus, git: true }).rescan());
    assert.equal(inWorker.result.view.items.length, onThisThread.result.view.items.length);
    const figures = ({ result, ...rest }: typeof inWorker) => ({ ...rest, filesScanned: result.filesScanned, items: result.view.items.length });
    console.log(`BENCH_DELAY ${JSON.stringify({ inWorker: figures(inWorker), onThisThread: figures(onThisThread) })}`);
  });
});
