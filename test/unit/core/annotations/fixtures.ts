import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Meta } from '../../../../src/core/model';

/** test/fixtures/languages: a folder per comment family, each with its sources and an expected.json. */
export const FIXTURES = path.join(__dirname, '../../../fixtures/languages');
export const FAMILIES = ['c-family', 'dashes', 'hash', 'markup', 'percent', 'semicolon'];

/** An annotation as expected.json writes it: where it is and what it says; warnings without their messages. */
export interface FixtureItem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  tag: string;
  text: string;
  meta: Meta;
  warnings?: Array<{ line?: number; column?: number; code: string }>;
}

export const fixtureFiles = (family: string): string[] => readdirSync(path.join(FIXTURES, family)).filter((f) => f !== 'expected.json').sort();

export const fixtureText = (family: string, file: string): string => readFileSync(path.join(FIXTURES, family, file), 'utf8');

export function expectedItems(family: string): FixtureItem[] {
  return JSON.parse(readFileSync(path.join(FIXTURES, family, 'expected.json'), 'utf8')) as FixtureItem[];
}
