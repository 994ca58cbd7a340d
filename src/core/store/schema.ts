import { z } from 'zod';
import { isCalendarDate } from './snooze';

export const STORE_FILE = '.debt/portfolio.json';
export const SCHEMA_VERSION = 2;
/** 100,000 items take about 23 MiB; the limit leaves room for 250,000 or more, with notes. */
export const MAX_STORE_BYTES = 64 * 2 ** 20;

export const STATUSES = ['open', 'planned', 'accepted', 'wontfix', 'done'] as const;
export type Status = (typeof STATUSES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the team decided about one item, and what identifies it across edits. */
export const decisionSchema = z
  .object({
    status: z.enum(STATUSES),
    sprint: z.number().int().nonnegative().optional(),
    notes: z.string().max(10_000).optional(),
    owner: z.string().max(200).optional(),
    pinned: z.boolean().optional(),
    decidedAt: isoDate.optional(),
    /** Where and what the item was when last seen: how it is found again after a move. */
    file: z.string(),
    tag: z.string(),
    text: z.string(),
    firstSeen: isoDate,
    /** The day the item was first missed by a scan; it is done from then on. */
    missingSince: isoDate.optional(),
    /** Hours to fix, as last scored: what retiring it pays back. */
    principal: z.number().nonnegative().optional(),
    /** Left out of sprint plans until this day; it comes back by itself then. */
    snoozedUntil: isoDate.refine(isCalendarDate, 'not a calendar date').optional(),
  })
  .strict();

export type Decision = z.infer<typeof decisionSchema>;

export const portfolioSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    items: z.record(z.string().regex(/^[0-9a-f]{16}$/), decisionSchema),
  })
  .strict();

export type PortfolioData = z.infer<typeof portfolioSchema>;

/** Version 1 kept a list of decisions with a single note and no identity. */
const v1Schema = z.object({
  version: z.literal(1),
  decisions: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['open', 'planned', 'accepted', 'wontfix', 'done']),
      sprint: z.number().int().nonnegative().optional(),
      note: z.string().optional(),
      file: z.string(),
      tag: z.string(),
      text: z.string(),
      date: isoDate,
    }),
  ),
});

export function emptyPortfolio(): PortfolioData {
  return { schemaVersion: SCHEMA_VERSION, items: {} };
}

/** A store problem the user can act on, told in one line that names the file. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Thrown for a store file that cannot be used; the file is then never written. */
export class StoreUnusableError extends StoreError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

function versionOf(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const version = record.schemaVersion ?? record.version;
  return typeof version === 'number' ? version : undefined;
}

function migrateV1(raw: unknown, file: string): PortfolioData {
  const parsed = v1Schema.safeParse(raw);
  if (!parsed.success) throw new StoreUnusableError(file, `not a valid version 1 portfolio: ${describe(parsed.error)}`);
  const items: PortfolioData['items'] = {};
  for (const d of parsed.data.decisions) {
    items[d.id] = { status: d.status, sprint: d.sprint, notes: d.note, decidedAt: d.date, file: d.file, tag: d.tag, text: d.text, firstSeen: d.date };
  }
  return { schemaVersion: SCHEMA_VERSION, items: JSON.parse(JSON.stringify(items)) as PortfolioData['items'] };
}

const describe = (error: z.ZodError): string => {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'invalid';
};

/** zod drops an own `__proto__` key without a word (it cannot be assigned); such a key is an error here. */
function protoKeyPath(raw: unknown): string | undefined {
  const items = (raw as { items?: unknown }).items;
  if (typeof items !== 'object' || items === null) return undefined;
  if (Object.hasOwn(items, '__proto__')) return 'items.__proto__';
  for (const [id, decision] of Object.entries(items)) {
    if (typeof decision === 'object' && decision !== null && Object.hasOwn(decision, '__proto__')) return `items.${id}.__proto__`;
  }
  return undefined;
}

/** Validates data in the current schema (`text` is its JSON, for a quick look for `__proto__`); the reason names the first bad path. */
export function validationError(data: unknown, text: string): string | undefined {
  const proto = text.includes('"__proto__"') ? protoKeyPath(data) : undefined;
  if (proto) return `${proto}: not an allowed key`;
  const parsed = portfolioSchema.safeParse(data);
  return parsed.success ? undefined : describe(parsed.error);
}

/** Validates a parsed store file (`text` is the file), migrating older versions; throws StoreUnusableError with the reason. */
export function toCurrentSchema(raw: unknown, text: string, file: string): PortfolioData {
  const version = versionOf(raw);
  if (version === undefined) throw new StoreUnusableError(file, 'no schemaVersion: not a portfolio file');
  if (version > SCHEMA_VERSION) throw new StoreUnusableError(file, `written by a newer version (schema ${version}; this one reads up to ${SCHEMA_VERSION}); update the tool`);
  const current = version === 1 ? migrateV1(raw, file) : raw;
  const invalid = validationError(current, version === 1 ? JSON.stringify(current) : text);
  if (invalid) throw new StoreUnusableError(file, `invalid: ${invalid}`);
  return current as PortfolioData;
}
