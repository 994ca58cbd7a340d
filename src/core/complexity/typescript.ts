import type * as TS from 'typescript';

let loading: Promise<typeof TS> | undefined;

/** The TypeScript compiler (the one ts-morph ships), loaded on first use: activation and scans of other files never pay for it. */
export function loadTypeScript(): Promise<typeof TS> {
  loading ??= import('ts-morph').then((morph) => morph.ts as unknown as typeof TS);
  return loading;
}
