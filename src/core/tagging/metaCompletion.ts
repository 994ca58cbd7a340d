import { DEBT_KINDS, IMPACTS } from '../annotations/meta';

export interface MetaCompletion {
  label: string;
  insertText: string;
  kind: 'key' | 'value';
  detail: string;
}

const KEYS: Array<[string, string]> = [
  ['owner', 'who will fix it'],
  ['effort', 'hours to fix: 30m, 4h, 2d, 3pt'],
  ['impact', 'low, medium, high or critical'],
  ['incident', 'incident ids, space-separated'],
  ['ticket', 'the tracker id'],
  ['due', 'a date, YYYY-MM-DD'],
  ['kind', DEBT_KINDS.join(', ')],
];

function valuesFor(key: string, context: { owners: readonly string[]; today: string }): string[] {
  switch (key) {
    case 'impact':
      return [...IMPACTS];
    case 'kind':
      return [...DEBT_KINDS];
    case 'effort':
      return ['30m', '2h', '4h', '1d', '2d', '3pt'];
    case 'owner':
      return [...context.owners];
    case 'due': {
      const inTwoWeeks = new Date(Date.parse(`${context.today}T00:00:00Z`) + 14 * 86_400_000);
      return [inTwoWeeks.toISOString().slice(0, 10)];
    }
    default:
      return [];
  }
}

/**
 * Completions for the cursor at `character` inside `TAG(...)` on a line: META keys not yet
 * given, or the values of the key being typed. Undefined outside a META list.
 */
export function metaCompletions(line: string, character: number, tags: readonly string[], context: { owners: readonly string[]; today: string }): MetaCompletion[] | undefined {
  const before = line.slice(0, character);
  const open = before.lastIndexOf('(');
  if (open < 0 || before.indexOf(')', open) >= 0) return undefined;
  const tag = /@?([A-Za-z][\w-]*)$/.exec(before.slice(0, open))?.[1];
  if (!tag || !tags.includes(tag)) return undefined;
  const list = before.slice(open + 1);
  const segment = list.slice(list.lastIndexOf(',') + 1);
  const pair = /^\s*([A-Za-z_][\w-]*)\s*[:=]\s*(\S*)$/.exec(segment);
  if (pair) {
    const key = pair[1]!.toLowerCase();
    return valuesFor(key, context).map((value) => ({ label: value, insertText: value, kind: 'value', detail: key }));
  }
  const given = new Set([...list.matchAll(/([A-Za-z_][\w-]*)\s*[:=]/g)].map((m) => m[1]!.toLowerCase()));
  return KEYS.filter(([key]) => !given.has(key)).map(([key, detail]) => ({ label: key, insertText: `${key}: `, kind: 'key', detail }));
}
