import picomatch from 'picomatch';
import { z } from 'zod';
import type { Warning } from '../model';
import { parseJsonText } from '../text/json';
import { readDebtFile, type DebtFileError } from '../files/debtFolder';

export const INCIDENTS_FILE = '.debt/incidents.json';
export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export type Severity = (typeof SEVERITIES)[number];

const incidentSchema = z
  .object({
    id: z.string().regex(/^[\w.-]+$/),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}/).refine((d) => !Number.isNaN(Date.parse(d)), 'not a date'),
    severity: z.enum(SEVERITIES),
    paths: z.array(z.string().min(1)).default([]),
    title: z.string().max(500).default(''),
    /** When service was restored; checked where time to restore is computed, so one bad value costs only that incident. */
    resolved: z.unknown().optional(),
  })
  .strict();

export const incidentsFileSchema = z.object({ incidents: z.array(incidentSchema) }).strict();

export type Incident = z.infer<typeof incidentSchema>;

export interface Incidents {
  list: Incident[];
  byId: Map<string, Incident>;
  /** The incidents whose paths or globs match a file. */
  forFile(file: string): Incident[];
}

export function incidentsOf(list: Incident[]): Incidents {
  const matchers = list.map((incident) => ({ incident, matches: picomatch(incident.paths.length ? incident.paths : ['!**'], { dot: true }) }));
  return {
    list,
    byId: new Map(list.map((incident) => [incident.id, incident])),
    forFile: (file) => matchers.filter(({ matches }) => matches(file)).map(({ incident }) => incident),
  };
}

/** 10,000 incidents take about 2 MiB. */
export const MAX_INCIDENTS_BYTES = 16 * 2 ** 20;

/** Reads `.debt/incidents.json` (`{ "incidents": [...] }`); a missing file is no incidents, a bad one a warning and no incidents. */
export function loadIncidents(root: string): { incidents: Incidents; warnings: Warning[] } {
  let text: string | undefined;
  try {
    text = readDebtFile(root, INCIDENTS_FILE, MAX_INCIDENTS_BYTES);
  } catch (error) {
    return { incidents: incidentsOf([]), warnings: [{ file: INCIDENTS_FILE, code: 'incidents-unreadable', message: `${(error as DebtFileError).reason}; incidents are ignored` }] };
  }
  if (text === undefined) return { incidents: incidentsOf([]), warnings: [] };
  const json = parseJsonText(text);
  if (!json.ok) return { incidents: incidentsOf([]), warnings: [{ file: INCIDENTS_FILE, code: 'incidents-invalid', message: `${json.problem}; incidents are ignored` }] };
  const parsed = incidentsFileSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { incidents: incidentsOf([]), warnings: [{ file: INCIDENTS_FILE, code: 'incidents-invalid', message: `${issue.path.join('.') || '(top)'}: ${issue.message}; incidents are ignored` }] };
  }
  return { incidents: incidentsOf(parsed.data.incidents), warnings: [] };
}
