import type { TeamConfig } from '../config';
import type { FileHistory } from '../history/history';
import type { Incident } from '../history/incidents';
import type { DebtItem } from '../model';
import type { ItemScore, ScoreTerm } from './types';

export interface ScoringInput {
  item: DebtItem;
  /** The file's history; undefined when history is off. */
  history: FileHistory | undefined | 'off';
  windowDays: number;
  /** The complexity the penalty reads: the enclosing function's cognitive complexity, or the file's proxy. */
  complexity: { value: number; source: string };
  /** Incidents linked to the item (by path, by META, by commit message), with their age in days. */
  incidents: Array<{ incident: Incident; ageDays: number }>;
  settings: TeamConfig;
}

const r = (value: number, digits = 2): string => String(Math.round(value * 10 ** digits) / 10 ** digits);
const term = (name: string, value: number, unit: string, formula: string): ScoreTerm => ({ name, value, unit, formula });

/** Complexity penalty in [0, pmax): pmax × c / (c + midpoint), so the midpoint complexity costs half of pmax. */
export function penaltyOf(complexity: number, settings: Pick<TeamConfig, 'pmax' | 'penaltyMidpoint'>): number {
  return complexity <= 0 ? 0 : (settings.pmax * complexity) / (complexity + settings.penaltyMidpoint);
}

/** Hours to fix: META effort (a day is hoursPerDay, a point hoursPerPoint), hotspots by their excess, else a default by tag. */
export function principalOf(item: DebtItem, settings: TeamConfig): ScoreTerm {
  if (item.kind === 'annotation' && item.meta.effort) {
    const m = /^(\d+(?:\.\d+)?)(m|h|d|pt)$/.exec(item.meta.effort);
    if (m) {
      const unit = { m: 1 / 60, h: 1, d: settings.hoursPerDay, pt: settings.hoursPerPoint }[m[2] as 'm' | 'h' | 'd' | 'pt'];
      return term('principal', Number(m[1]) * unit, 'h', `effort ${item.meta.effort}${m[2] === 'h' ? '' : ` × ${r(unit)} h`}`);
    }
  }
  if (item.kind === 'hotspot') {
    const excess = Math.max(0, item.metrics.cognitive - settings.hotspotCognitive) + Math.max(0, item.metrics.cyclomatic - settings.hotspotCyclomatic);
    const base = settings.defaultPrincipal.hotspot ?? settings.defaultPrincipal.other ?? 2;
    return term('principal', base + excess * settings.hoursPerExcessPoint, 'h', `${r(base)} h + ${excess} points over the thresholds × ${settings.hoursPerExcessPoint} h`);
  }
  const tag = item.kind === 'annotation' ? item.tag : 'other';
  const hours = settings.defaultPrincipal[tag] ?? settings.defaultPrincipal.other ?? 2;
  return term('principal', hours, 'h', `default for ${tag}`);
}

/** DESIGN §5: cycle-time interest from changes and complexity, incident interest from fixes and incidents, scaled by impact. */
export function scoreItem(input: ScoringInput): ItemScore {
  const { settings, item } = input;
  const terms: ScoreTerm[] = [];
  const sprintsInWindow = input.windowDays / settings.sprintLengthDays;
  const history = input.history === 'off' ? undefined : input.history;

  const changes = (history?.weightedCommits ?? 0) / sprintsInWindow;
  const penalty = penaltyOf(input.complexity.value, settings);
  const cycleTime = changes * settings.hoursPerChange * penalty;
  if (input.history === 'off') terms.push(term('changesPerSprint', 0, 'changes/sprint', 'history off: no changes to count'));
  else terms.push(term('changesPerSprint', changes, 'changes/sprint', `${r(history?.weightedCommits ?? 0)} recency-weighted commits ÷ ${r(sprintsInWindow)} sprints`));
  terms.push(term('complexityPenalty', penalty, '', `${settings.pmax} × ${r(input.complexity.value, 1)} ÷ (${r(input.complexity.value, 1)} + ${settings.penaltyMidpoint}) (${input.complexity.source})`));
  terms.push(term('cycleTimeInterest', cycleTime, 'h/sprint', `${r(changes)} changes/sprint × ${settings.hoursPerChange} h × ${r(penalty)}`));

  const fixes = (history?.weightedFixCommits ?? 0) / sprintsInWindow;
  const incidentHours = input.incidents.reduce((sum, { incident, ageDays }) => sum + settings.severityHours[incident.severity] * 0.5 ** (ageDays / settings.halfLifeDays), 0) / sprintsInWindow;
  const incidentInterest = fixes * settings.hoursPerFix + incidentHours;
  const incidentList = input.incidents.map(({ incident }) => `${incident.id} ${incident.severity}`).join(', ');
  terms.push(term('incidentInterest', incidentInterest, 'h/sprint', `${r(fixes)} fixes/sprint × ${settings.hoursPerFix} h + ${r(incidentHours)} h from incidents${incidentList ? ` (${incidentList}, recency-weighted over ${r(sprintsInWindow)} sprints)` : ''}`));

  const impact = item.kind === 'annotation' ? item.meta.impact : undefined;
  const multiplier = impact ? settings.impactMultipliers[impact] : 1;
  const interest = (cycleTime + incidentInterest) * multiplier;
  terms.push(term('interest', interest, 'h/sprint', `(${r(cycleTime)} + ${r(incidentInterest)}) h/sprint${impact ? ` × ${multiplier} (impact ${impact})` : ''}`));

  const principal = principalOf(item, settings);
  terms.push(principal);
  const payback = interest > 0 ? principal.value / interest : null;
  terms.push(term('payback', payback ?? 0, 'sprints', payback === null ? 'no interest: never pays back' : `${r(principal.value)} h ÷ ${r(interest)} h/sprint`));
  return { interest, principal: principal.value, payback, cycleTimeInterest: cycleTime * multiplier, incidentInterest: incidentInterest * multiplier, terms };
}
