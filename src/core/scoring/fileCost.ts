import type { TeamConfig } from '../config';
import type { FileHistory } from '../history/history';
import type { Incident } from '../history/incidents';
import type { FileMeasure } from '../model';
import { r, term } from './terms';
import type { ScoreTerm } from './types';

/** What a file's cost is computed from: what it is, its history and the incidents linked to it. */
export interface FileCostInput {
  measure: FileMeasure;
  /** The file's history; undefined when it has none in the window, 'off' when history is off. */
  history: FileHistory | undefined | 'off';
  windowDays: number;
  incidents: Array<{ incident: Incident; ageDays: number }>;
  settings: TeamConfig;
}

/** A source file's health record and its cost per sprint, computed once and shared among its items. */
export interface FileHealth {
  file: string;
  lines: number;
  /** What the penalty reads: the parse's cognitive total (TS/JS), else lines ÷ linesPerComplexityPoint. */
  complexity: { value: number; source: string; functions?: number; cyclomatic?: number };
  commits: number;
  weightedChanges: number;
  fixCommits: number;
  weightedFixes: number;
  authors: number;
  interest: number;
  cycleTimeInterest: number;
  incidentInterest: number;
  /** Hours to rework the file: lines ÷ fileLinesPerHour, at least one hour. */
  principal: number;
  terms: ScoreTerm[];
}

/** Complexity penalty in [0, pmax): pmax × c / (c + midpoint), so the midpoint complexity costs half of pmax. */
export function penaltyOf(complexity: number, settings: Pick<TeamConfig, 'pmax' | 'penaltyMidpoint'>): number {
  return complexity <= 0 ? 0 : (settings.pmax * complexity) / (complexity + settings.penaltyMidpoint);
}

/** The parse's cognitive total (TS/JS), or the size proxy where it is larger (code outside functions) or there is no parse. */
function complexityOf(measure: FileMeasure, settings: TeamConfig): FileHealth['complexity'] {
  const per = settings.linesPerComplexityPoint;
  const proxy = measure.lines / per;
  const parsed = measure.complexity;
  if (parsed && parsed.cognitive >= proxy) return { value: parsed.cognitive, source: `cognitive complexity of the file's ${parsed.functions} functions`, functions: parsed.functions, cyclomatic: parsed.cyclomatic };
  const more = parsed ? `, more than its functions' cognitive ${parsed.cognitive}` : '';
  return { value: proxy, source: `file proxy: ${measure.lines} lines ÷ ${per}${more}`, ...(parsed ? { functions: parsed.functions, cyclomatic: parsed.cyclomatic } : {}) };
}

/** DESIGN §5, per file: cycle-time interest from its recency-weighted changes and complexity, incident interest from its fixes and incidents. */
export function fileHealthOf(input: FileCostInput): FileHealth {
  const { settings, measure } = input;
  const history = input.history === 'off' ? undefined : input.history;
  const sprints = input.windowDays / settings.sprintLengthDays;
  const complexity = complexityOf(measure, settings);
  const terms: ScoreTerm[] = [];

  const prior = input.history === 'off' ? 0 : settings.priorChangesPerSprint;
  const changes = (history?.weightedCommits ?? 0) / sprints + prior;
  const penalty = penaltyOf(complexity.value, settings);
  const cycleTime = changes * settings.hoursPerChange * penalty;
  if (input.history === 'off') terms.push(term('changesPerSprint', 0, 'changes/sprint', 'history off: no changes to count'));
  else terms.push(term('changesPerSprint', changes, 'changes/sprint', `${r(history?.weightedCommits ?? 0)} recency-weighted commits ÷ ${r(sprints)} sprints + ${prior} expected of any file`));
  terms.push(term('complexityPenalty', penalty, '', `${settings.pmax} × ${r(complexity.value, 1)} ÷ (${r(complexity.value, 1)} + ${settings.penaltyMidpoint}) (${complexity.source})`));
  terms.push(term('cycleTimeInterest', cycleTime, 'h/sprint', `${r(changes)} changes/sprint × ${settings.hoursPerChange} h × ${r(penalty)}`));

  const fixes = (history?.weightedFixCommits ?? 0) / sprints;
  const incidentHours = input.incidents.reduce((sum, { incident, ageDays }) => sum + settings.severityHours[incident.severity] * 0.5 ** (ageDays / settings.halfLifeDays), 0) / sprints;
  const incidentInterest = fixes * settings.hoursPerFix + incidentHours;
  const incidentList = input.incidents.map(({ incident }) => `${incident.id} ${incident.severity}`).join(', ');
  terms.push(term('incidentInterest', incidentInterest, 'h/sprint', `${r(fixes)} fixes/sprint × ${settings.hoursPerFix} h + ${r(incidentHours)} h from incidents${incidentList ? ` (${incidentList}, recency-weighted over ${r(sprints)} sprints)` : ''}`));

  const interest = cycleTime + incidentInterest;
  terms.push(term('fileInterest', interest, 'h/sprint', `(${r(cycleTime)} + ${r(incidentInterest)}) h/sprint for ${measure.file}`));
  const principal = Math.max(1, measure.lines / settings.fileLinesPerHour);
  return {
    file: measure.file,
    lines: measure.lines,
    complexity,
    commits: history?.commits ?? 0,
    weightedChanges: history?.weightedCommits ?? 0,
    fixCommits: history?.fixCommits ?? 0,
    weightedFixes: history?.weightedFixCommits ?? 0,
    authors: history?.authors ?? 0,
    interest,
    cycleTimeInterest: cycleTime,
    incidentInterest,
    principal,
    terms,
  };
}
