/** Plans 10,000 items and loads and saves a store of 10,000 decisions; prints JSON timings and peak RSS. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { planRoadmap, type PlanItem } from '../../src/core/portfolio/planner';
import { openStore } from '../../src/core/store/portfolioStore';

const settings = { capacityHours: 240, allocationPercent: 20, sprintLengthDays: 14, firstSprintStart: '2026-01-05', roadmapSprints: 4, adherenceSprints: 6 };

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function items(count: number): PlanItem[] {
  const next = random(42);
  return Array.from({ length: count }, (_, i) => ({ id: i.toString(16).padStart(16, '0'), principal: 1 + Math.floor(next() * 40), interest: next() * 10, status: next() < 0.05 ? 'planned' : 'open', pinned: next() < 0.001 }));
}

const time = <T>(run: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
};

async function main(): Promise<void> {
  const many = items(10_000);
  const greedy = time(() => planRoadmap(many, settings, '2026-03-02'));
  const few = items(500).map((item) => ({ ...item, status: 'open' as const, pinned: false }));
  const exact = time(() => planRoadmap(few, settings, '2026-03-02'));
  const root = mkdtempSync(path.join(tmpdir(), 'debt-bench-'));
  try {
    const store = await openStore(root);
    let started = performance.now();
    await store.update((data) => {
      for (const item of many) data.items[item.id] = { status: item.status, file: `src/f${Number.parseInt(item.id, 16) % 700}.ts`, tag: 'TODO', text: `item ${item.id} with some text`, firstSeen: '2026-01-01', principal: item.principal };
    });
    const firstSave = performance.now() - started;
    started = performance.now();
    const reopened = await openStore(root);
    const load = performance.now() - started;
    started = performance.now();
    await reopened.update((data) => void (data.items[many[17]!.id]!.status = 'accepted'));
    const oneChange = performance.now() - started;
    const bytes = statSync(path.join(root, '.debt/portfolio.json')).size;
    process.stdout.write(JSON.stringify({ greedyMs: greedy.ms, greedyMethod: greedy.value.roadmap[0]!.method, exactMs: exact.ms, exactMethod: exact.value.roadmap[0]!.method, firstSave, load, oneChange, bytes, rssMiB: process.resourceUsage().maxRSS / 1024 }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
void main();
