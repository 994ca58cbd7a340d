/**
 * A separate process that makes `count` writes to the store (or writes until it is killed, for `forever`), each
 * adding one item: used by the concurrency and crash tests. It prints `ready` once the store is open.
 */
import { openStore } from '../../src/core/store/portfolioStore';

async function main(): Promise<void> {
  const [root, prefix, count] = process.argv.slice(2);
  const store = await openStore(root!);
  process.stdout.write('ready\n');
  const total = count === 'forever' ? Infinity : Number(count);
  for (let i = 0; i < total; i++) {
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
