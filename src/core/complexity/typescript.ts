import type * as TS from 'typescript';

let loading: Promise<typeof TS> | undefined;

/** The TypeScript compiler ts-morph ships, loaded on first use (a bundle of its own): activation and scans of other files never pay for it. */
export function loadTypeScript(): Promise<typeof TS> {
  loading ??= import('ts-morph').then((morph: { ts?: unknown; default?: { ts?: unknown } }) => (morph.ts ?? morph.default?.ts) as typeof TS);
  return loading;
}
