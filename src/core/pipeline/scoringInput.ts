import type { TeamConfig } from '../config';
import type { History } from '../history/history';
import type { Incident, Incidents } from '../history/incidents';
import type { DebtItem } from '../model';
import type { ScoringInput } from '../scoring/score';

const DAY_MS = 86_400_000;

/** What every scoring input is built from, whether the code is a folder now or a commit in the past. */
export interface ScoringGround {
  config: TeamConfig;
  history: History;
  incidents: Incidents;
  /** The time the figures are taken at (ms): incidents after it do not count, and ages count from it. */
  asOfMs: number;
  /** Non-blank lines of a file: the complexity proxy where no function is known. */
  linesOf: (file: string) => number;
}

/** Incidents linked to an item by path, by its META and by the messages of commits that touched its file, as of the ground's time. */
function linkedIncidents(item: DebtItem, ground: ScoringGround): ScoringInput['incidents'] {
  const linked = new Map<string, Incident>();
  for (const incident of ground.incidents.forFile(item.file)) linked.set(incident.id, incident);
  const ids = [...(item.kind === 'annotation' ? (item.meta.incident ?? []) : []), ...(ground.history.available ? (ground.history.files.get(item.file)?.incidents ?? []) : [])];
  for (const id of ids) {
    const incident = ground.incidents.byId.get(id);
    if (incident) linked.set(id, incident);
  }
  return [...linked.values()].filter((incident) => Date.parse(incident.date) <= ground.asOfMs).map((incident) => ({ incident, ageDays: (ground.asOfMs - Date.parse(incident.date)) / DAY_MS }));
}

const cognitiveOf = (name: string, value: number) => ({ value, source: `cognitive complexity of ${name}` });

/** The complexity behind an item's penalty: a hotspot's, its enclosing function's, else the file proxy. */
function complexityOf(item: DebtItem, ground: ScoringGround): ScoringInput['complexity'] {
  if (item.kind === 'hotspot') return cognitiveOf(item.name, item.metrics.cognitive);
  if (item.enclosing) return cognitiveOf(item.enclosing.name, item.enclosing.cognitive);
  const lines = ground.linesOf(item.file);
  const per = ground.config.linesPerComplexityPoint;
  return { value: lines / per, source: `file proxy: ${lines} lines ÷ ${per}` };
}

/** The one way an item's scoring input is built: today's score, the trend's past scores and the back-test all use it. */
export function scoringInputOf(item: DebtItem, ground: ScoringGround): ScoringInput {
  return {
    item,
    history: ground.history.available ? ground.history.files.get(item.file) : 'off',
    windowDays: ground.config.historyWindowDays,
    complexity: complexityOf(item, ground),
    incidents: linkedIncidents(item, ground),
    settings: ground.config,
  };
}
