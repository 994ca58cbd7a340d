import type { ScoreTerm } from './types';

/** A figure rounded for a formula: at most `digits` decimals, no trailing zeros. */
export const r = (value: number, digits = 2): string => String(Math.round(value * 10 ** digits) / 10 ** digits);

export const term = (name: string, value: number, unit: string, formula: string): ScoreTerm => ({ name, value, unit, formula });
