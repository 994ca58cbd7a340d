/** A separate process that makes `count` writes to the store, each adding one item: used by the concurrency test. */
import { openStore } from '../../src/core/store/portfolioStore';

async function main(): Promise<void> {
  const [root, prefix, count] = process.argv.slice(2);
  const store = await openStore(root!);
  for (let i = 0; i < Number(count); i++) {
    const id = `${prefix}${i.toString(16).padStart(16 - prefix!.length, '0')}`;
    await store.update((data) => {
      data.items[id] = { status: 'planned', file: `f${i}.ts`, tag: 'TODO', text: `item ${prefix} ${i}`, firstSeen: '2026-01-01' };
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
