import { RELEASE_SOURCES, type ReleaseSource } from '../shared/delivery';
import { z } from 'zod';
import { DEFAULT_TAGS } from './annotations/grammar';
import { DEFAULT_MAX_FILE_SIZE } from './files/readText';
import { DEFAULT_VENDORED } from './files/vendored';
import type { Warning } from './model';
import { parseJsonText } from './text/json';
import { patternProblem } from './text/pattern';
import { readDebtFile, type DebtFileError } from './files/debtFolder';

export const CONFIG_FILE = '.debt/config.json';

const hours = z.number().nonnegative().max(10_000);
const factor = z.number().nonnegative().max(100);

/** A regular expression from the config: short, and one the linear-time matcher (RE2) compiles. */
const safePattern = z
  .string()
  .max(200)
  .superRefine((source, context) => {
    const problem = patternProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** Team settings from `.debt/config.json`; every key has a default. */
const SCHEMA = {
  tags: { schema: z.array(z.string().regex(/^[A-Za-z][\w-]*$/)).min(1), fallback: DEFAULT_TAGS },
  include: { schema: z.array(z.string().min(1)), fallback: [] as string[] },
  exclude: { schema: z.array(z.string().min(1)), fallback: [] as string[] },
  vendored: { schema: z.array(z.string().min(1)), fallback: DEFAULT_VENDORED },
  maxFileSizeBytes: { schema: z.number().int().positive(), fallback: DEFAULT_MAX_FILE_SIZE },
  sprintLengthDays: { schema: z.number().int().min(1).max(90), fallback: 14 },
  firstSprintStart: { schema: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(d)), 'not a date'), fallback: '2026-01-05' },
  capacityHours: { schema: z.number().positive().max(100_000), fallback: 240 },
  allocationPercent: { schema: z.number().min(0).max(100), fallback: 20 },
  roadmapSprints: { schema: z.number().int().min(1).max(26), fallback: 4 },
  adherenceSprints: { schema: z.number().int().min(1).max(52), fallback: 6 },
  interestBudget: { schema: z.number().nonnegative().nullable(), fallback: null as number | null },
  historyWindowDays: { schema: z.number().int().min(7).max(3650), fallback: 180 },
  halfLifeDays: { schema: z.number().positive().max(3650), fallback: 90 },
  fixPattern: { schema: safePattern, fallback: '\\b(fix(es|ed)?|bug(fix)?|hotfix|revert(s|ed)?)\\b|\\bINC-\\d+\\b' },
  incidentPattern: { schema: safePattern, fallback: '\\bINC-\\d+\\b' },
  bulkCommitFiles: { schema: z.number().int().min(2).max(1_000_000), fallback: 200 },
  priorChangesPerSprint: { schema: z.number().nonnegative().max(100), fallback: 0.12 },
  hoursPerChange: { schema: z.number().nonnegative().max(1000), fallback: 4 },
  hoursPerFix: { schema: z.number().nonnegative().max(1000), fallback: 6 },
  pmax: { schema: z.number().nonnegative().max(10), fallback: 1.24 },
  penaltyMidpoint: { schema: z.number().positive().max(1000), fallback: 15 },
  linesPerComplexityPoint: { schema: z.number().positive().max(10_000), fallback: 25 },
  severityHours: { schema: z.object({ SEV1: hours, SEV2: hours, SEV3: hours, SEV4: hours }).strict(), fallback: { SEV1: 40, SEV2: 16, SEV3: 6, SEV4: 2 } },
  impactMultipliers: { schema: z.object({ low: factor, medium: factor, high: factor, critical: factor }).strict(), fallback: { low: 0.5, medium: 1, high: 1.5, critical: 2 } },
  hoursPerDay: { schema: z.number().positive().max(24), fallback: 8 },
  hoursPerPoint: { schema: z.number().positive().max(100), fallback: 4 },
  defaultPrincipal: { schema: z.record(z.string(), hours), fallback: { DEBT: 4, TODO: 2, FIXME: 4, HACK: 4, XXX: 2, BUG: 4, OPTIMIZE: 4, REFACTOR: 8, other: 2 } as Record<string, number> },
  hotspotCognitive: { schema: z.number().int().nonnegative(), fallback: 15 },
  hotspotCyclomatic: { schema: z.number().int().nonnegative(), fallback: 10 },
  hoursPerExcessPoint: { schema: z.number().nonnegative().max(100), fallback: 0.5 },
  fileItemMinInterest: { schema: z.number().nonnegative().max(1000), fallback: 1 },
  fileLinesPerHour: { schema: z.number().positive().max(10_000), fallback: 50 },
  statedImpactFloor: { schema: z.object({ low: hours, medium: hours, high: hours, critical: hours }).strict(), fallback: { low: 0.25, medium: 0.5, high: 1, critical: 2 } },
  calibration: { schema: z.string().max(2000).nullable(), fallback: null as string | null },
  trendSprints: { schema: z.number().int().min(1).max(52), fallback: 6 },
  deliverySprints: { schema: z.number().int().min(1).max(52), fallback: 6 },
  releaseFrom: { schema: z.enum(RELEASE_SOURCES), fallback: 'tags' as ReleaseSource },
  releaseTagPattern: { schema: safePattern, fallback: '^v?\\d+\\.\\d+(\\.\\d+)?$' },
  changeFailureWindowDays: { schema: z.number().int().min(1).max(90), fallback: 7 },
  deliveryMinSample: { schema: z.number().int().min(1).max(1000), fallback: 5 },
} as const;

type Schema = typeof SCHEMA;

/** The whole file as one schema, every key optional with its default: what an editor checks the file against. */
export const configFileSchema = () =>
  z.object(Object.fromEntries(Object.entries(SCHEMA).map(([key, { schema, fallback }]) => [key, (schema as z.ZodType).default(fallback)]))).strict();
export type TeamConfig = { [K in keyof Schema]: z.infer<Schema[K]['schema']> };

export function defaultConfig(): TeamConfig {
  return Object.fromEntries(Object.entries(SCHEMA).map(([key, { fallback }]) => [key, fallback])) as TeamConfig;
}

/** Why `value` is not valid for `key` (as parseConfig would say), or undefined when it is. */
export function configValueProblem(key: keyof TeamConfig, value: unknown): string | undefined {
  const parsed = SCHEMA[key].schema.safeParse(value);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'invalid');
}

/** Validates each key on its own: a bad value is reported with its key and the default is used. */
export function parseConfig(raw: unknown, file = CONFIG_FILE): LoadedConfig {
  const config = defaultConfig();
  const warnings: Warning[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config, warnings: [{ file, code: 'config-invalid', message: 'the config is not a JSON object; defaults are used' }] };
  }
  const calendarSet = configValueProblem('firstSprintStart', (raw as Record<string, unknown>).firstSprintStart) === undefined;
  for (const [key, value] of Object.entries(raw)) {
    const entry = Object.hasOwn(SCHEMA, key) ? SCHEMA[key as keyof Schema] : undefined;
    if (!entry) {
      warnings.push({ file, code: 'config-unknown-key', message: `unknown key "${key}" is ignored` });
      continue;
    }
    const parsed = entry.schema.safeParse(value);
    if (parsed.success) (config as Record<string, unknown>)[key] = parsed.data;
    else {
      const reason = parsed.error.issues[0]?.message ?? 'invalid';
      warnings.push({ file, code: 'config-bad-value', message: `"${key}": ${reason}; the default ${JSON.stringify(entry.fallback)} is used` });
    }
  }
  return { config, warnings, ...(calendarSet ? { calendarSet } : {}) };
}

/** The team config as read for one operation, with what was wrong in it. */
export interface LoadedConfig {
  config: TeamConfig;
  warnings: Warning[];
  /** The team set `firstSprintStart`: sprint numbers are its own, not the default calendar's. */
  calendarSet?: boolean;
}

/** A real config is a few KiB; 2 million tags (20 MB) took 26.8 s and 1.5 GB to parse. */
export const MAX_CONFIG_BYTES = 2 ** 20;

export async function loadConfig(root: string): Promise<LoadedConfig> {
  let text: string | undefined;
  try {
    text = readDebtFile(root, CONFIG_FILE, MAX_CONFIG_BYTES);
  } catch (error) {
    return { config: defaultConfig(), warnings: [{ file: CONFIG_FILE, code: 'config-unreadable', message: `${(error as DebtFileError).reason}; defaults are used` }] };
  }
  if (text === undefined) return { config: defaultConfig(), warnings: [] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { config: defaultConfig(), warnings: [{ file: CONFIG_FILE, code: 'config-invalid', message: `${parsed.problem}; defaults are used` }] };
  return parseConfig(parsed.value);
}
