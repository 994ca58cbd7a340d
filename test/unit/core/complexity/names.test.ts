import assert from 'node:assert/strict';
import { analyzeSource } from '../../../../src/core/complexity/analyze';
import { loadTypeScript } from '../../../../src/core/complexity/typescript';

describe('function names', () => {
  it('names an anonymous function by the call it is passed to, its variable or key, or leaves it anonymous', async () => {
    const ts = await loadTypeScript();
    const table: Array<[string, string]> = [
      ['items.forEach((item) => item);', 'items.forEach callback'],
      ['this.disposables.push(() => 1);', 'disposables.push callback'],
      ['setTimeout(function () { return 1; }, 5);', 'setTimeout callback'],
      ['new Promise((resolve) => resolve(1));', 'new Promise callback'],
      ['load().then((value) => value);', 'then callback'],
      ['export default function () { return 1; }', 'default export'],
      ['export default () => 1;', 'default export'],
      ['const handler = () => 1;', 'handler'],
      ['const o = { onClick: () => 1 };', 'o.onClick'],
      ['(function () { return 1; })();', '<anonymous>'],
      ['const curried = (a: number) => (b: number) => a + b;', '<anonymous>'],
    ];
    for (const [source, name] of table) {
      const { records } = analyzeSource(ts, 'names.ts', source);
      assert.equal(records.at(-1)?.name, name, source);
    }
  });
});
