import type { DebtKind, Impact, Meta } from '../model';

export const IMPACTS: readonly Impact[] = ['low', 'medium', 'high', 'critical'];
export const DEBT_KINDS: readonly DebtKind[] = ['design', 'code', 'test', 'docs', 'deps', 'infra', 'security', 'performance'];
const KNOWN_KEYS = ['owner', 'effort', 'impact', 'incident', 'ticket', 'due', 'kind'] as const;
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface MetaProblem {
  /** Offset of the offending META item within the raw META text. */
  offset: number;
  code: 'meta-unknown-key' | 'meta-bad-value' | 'meta-malformed' | 'meta-duplicate';
  message: string;
}

export interface ParsedMeta {
  meta: Meta;
  problems: MetaProblem[];
}

const EFFORT = /^(\d{1,5}(?:\.\d{1,2})?)\s*(m|h|d|pt)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Checks and normalises one known key's value; returns an error message for a bad value. */
export function normaliseMetaValue(key: (typeof KNOWN_KEYS)[number], value: string): { value: string | string[] } | { error: string } {
  switch (key) {
    case 'owner': {
      const owner = value.replace(/^@/, '');
      return /^[^\s,()]+$/.test(owner) ? { value: owner } : { error: `owner "${value}" is not a single name` };
    }
    case 'effort': {
      const m = EFFORT.exec(value);
      return m ? { value: `${Number(m[1])}${m[2]!.toLowerCase()}` } : { error: `effort "${value}" is not a duration like 30m, 4h, 2d or 3pt` };
    }
    case 'impact': {
      const impact = value.toLowerCase();
      return (IMPACTS as readonly string[]).includes(impact) ? { value: impact } : { error: `impact "${value}" is not one of ${IMPACTS.join(', ')}` };
    }
    case 'incident': {
      const ids = value.split(/\s+/).filter(Boolean);
      return ids.length > 0 && ids.every((id) => /^[\w.-]+$/.test(id)) ? { value: ids } : { error: `incident "${value}" is not a list of ids like INC-42` };
    }
    case 'ticket': {
      const ticket = value.replace(/^#/, '');
      return /^\S+$/.test(ticket) ? { value: ticket } : { error: `ticket "${value}" is not a single id` };
    }
    case 'due':
      return validDate(value) ? { value } : { error: `due "${value}" is not a date like 2026-12-31` };
    case 'kind': {
      const kind = value.toLowerCase();
      return (DEBT_KINDS as readonly string[]).includes(kind) ? { value: kind } : { error: `kind "${value}" is not one of ${DEBT_KINDS.join(', ')}` };
    }
  }
}

/** Splits on commas, keeping each piece's offset. */
function splitItems(raw: string): Array<{ text: string; offset: number }> {
  const items: Array<{ text: string; offset: number }> = [];
  let start = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === ',') {
      const piece = raw.slice(start, i);
      const lead = piece.length - piece.trimStart().length;
      items.push({ text: piece.trim(), offset: start + lead });
      start = i + 1;
    }
  }
  return items;
}

/** Parses META: `key=value`, `key: value`, `@owner`, `#ticket` or a bare owner, separated by commas. */
export function parseMeta(raw: string): ParsedMeta {
  const meta: Meta = {};
  const problems: MetaProblem[] = [];
  const set = (key: string, value: string | string[], offset: number): void => {
    if (meta[key] !== undefined) problems.push({ offset, code: 'meta-duplicate', message: `"${key}" is given twice; the first value is kept` });
    else meta[key] = value;
  };
  if (raw.trim() === '') return { meta, problems };
  for (const { text, offset } of splitItems(raw)) {
    if (text === '') {
      problems.push({ offset, code: 'meta-malformed', message: 'empty META item' });
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*[=:]\s*(.*)$/.exec(text);
    if (pair) {
      const key = pair[1]!.toLowerCase();
      const value = pair[2]!.trim();
      if (RESERVED_KEYS.has(key)) {
        problems.push({ offset, code: 'meta-unknown-key', message: `"${pair[1]}" is not a META key; its value "${value}" was dropped` });
      } else if ((KNOWN_KEYS as readonly string[]).includes(key)) {
        const result = normaliseMetaValue(key as (typeof KNOWN_KEYS)[number], value);
        if ('error' in result) problems.push({ offset, code: 'meta-bad-value', message: result.error });
        else set(key, result.value, offset);
      } else {
        problems.push({ offset, code: 'meta-unknown-key', message: `unknown META key "${pair[1]}" (known: ${KNOWN_KEYS.join(', ')}); kept as written` });
        set(key, value, offset);
      }
    } else if (/^@[^\s@]+$/.test(text) || /^[\w.-]+$/.test(text)) {
      set('owner', text.replace(/^@/, ''), offset);
    } else if (/^#\S+$/.test(text)) {
      set('ticket', text.slice(1), offset);
    } else {
      problems.push({ offset, code: 'meta-malformed', message: `"${text}" is not key=value, key: value, @owner, #ticket or an owner name` });
    }
  }
  return { meta, problems };
}

/** Prints META in the canonical `key: value` form that parseMeta reads back. */
export function printMeta(meta: Meta): string {
  const keys = [...KNOWN_KEYS.filter((k) => meta[k] !== undefined), ...Object.keys(meta).filter((k) => !(KNOWN_KEYS as readonly string[]).includes(k)).sort()];
  return keys
    .filter((key) => meta[key] !== undefined)
    .map((key) => {
      const value = meta[key]!;
      return `${key}: ${Array.isArray(value) ? value.join(' ') : value}`;
    })
    .join(', ');
}

const HANDLE = '[A-Za-z0-9][\\w.-]*';
/** `TODO@API text`, `TODO: @alexr00 - text`, `TODO @alex @bob: text`: handles right after the tag, before the text. */
const LEADING_HANDLES = new RegExp(`^(?:@|\\s*:?\\s*@)(${HANDLE})((?:\\s+@${HANDLE})*)(?=[\\s:]|$)\\s*(?:[:–—-](?=\\s|$))?`);
/** `TODO mjbvz: text`: one lower-case name and a colon, when the name is not a word that starts a sentence. */
const NAME_AND_COLON = new RegExp(`^\\s+([a-z][a-z0-9_.-]*):(?=\\s|$)`);
const NOT_NAMES = new Set(['add', 'also', 'change', 'check', 'cleanup', 'consider', 'fix', 'handle', 'hack', 'implement', 'improve', 'investigate', 'later', 'maybe', 'move', 'note', 'perf', 'refactor', 'remove', 'rename', 'support', 'temp', 'temporary', 'test', 'tests', 'this', 'update', 'use', 'why', 'workaround']);

/**
 * The owner real code writes without META, and the text after it: `TODO@API …` (VS Code's convention),
 * `TODO: @alexr00 - …`, `TODO mjbvz: …`. `rest` is what follows the tag; `@Entity(…)` or `@Table,` are not owners.
 */
export function ownerInText(rest: string): { owner: string; rest: string } | undefined {
  const handles = LEADING_HANDLES.exec(rest);
  if (handles) return { owner: handles[1]!, rest: rest.slice(handles[0].length) };
  const named = NAME_AND_COLON.exec(rest);
  if (named && !NOT_NAMES.has(named[1]!)) return { owner: named[1]!, rest: rest.slice(named[0].length) };
  return undefined;
}
