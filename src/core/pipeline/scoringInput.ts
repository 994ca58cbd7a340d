import { languageOf } from '../annotations';
import type { TeamConfig } from '../config';
import type { History } from '../history/history';
import type { Incident, Incidents } from '../history/incidents';
import { fileItemId } from '../ids';
import type { DebtItem, FileItem, FileMeasure } from '../model';
import { fileHealthOf, type FileCostInput, type FileHealth } from '../scoring/fileCost';
import type { ScoringInput } from '../scoring/score';
import { splitFile } from '../scoring/share';

const DAY_MS = 86_400_000;

/** What every scoring input is built from, whether the code is a folder now or a commit in the past. */
export interface ScoringGround {
  config: TeamConfig;
  history: History;
  incidents: Incidents;
  /** The time the figures are taken at (ms): incidents after it do not count, and ages count from it. */
  asOfMs: number;
  /** Every source file as it is at that time. */
  measures: ReadonlyMap<string, FileMeasure>;
  /** Non-blank lines of a file the measures lack (one that holds items but was not measured). */
  linesOf: (file: string) => number;
}

/** A file's items and the scoring inputs of each, with the file's health record. */
export interface ScoringInputs {
  health: FileHealth[];
  inputs: ScoringInput[];
  /** The new `file` items: a costly file's remainder over the team's threshold. */
  fileItems: FileItem[];
}

/** Incidents linked to a file by path, by its items' META and by the messages of commits that touched it, as of the ground's time. */
function linkedIncidents(file: string, items: readonly DebtItem[], ground: ScoringGround): FileCostInput['incidents'] {
  const linked = new Map<string, Incident>();
  for (const incident of ground.incidents.forFile(file)) linked.set(incident.id, incident);
  const ids = [...items.flatMap((item) => (item.kind === 'annotation' ? (item.meta.incident ?? []) : [])), ...(ground.history.available ? (ground.history.files.get(file)?.incidents ?? []) : [])];
  for (const id of ids) {
    const incident = ground.incidents.byId.get(id);
    if (incident) linked.set(id, incident);
  }
  return [...linked.values()].filter((incident) => Date.parse(incident.date) <= ground.asOfMs).map((incident) => ({ incident, ageDays: (ground.asOfMs - Date.parse(incident.date)) / DAY_MS }));
}

/** The health record of one file: the one way a file's cost is computed (today's score, the trend and the back-test). */
export function fileHealthAt(measure: FileMeasure, items: readonly DebtItem[], ground: ScoringGround): FileHealth {
  return fileHealthOf({
    measure,
    history: ground.history.available ? ground.history.files.get(measure.file) : 'off',
    windowDays: ground.config.historyWindowDays,
    incidents: linkedIncidents(measure.file, items, ground),
    settings: ground.config,
  });
}

/** Prose (Markdown) keeps its health record, but its changes are writing, not rework: it never becomes a file item. */
const isProse = (file: string): boolean => languageOf(file)?.id === 'markdown';

function fileItemOf(measure: FileMeasure): FileItem {
  return { id: fileItemId(measure.file), kind: 'file', file: measure.file, line: 1, column: 1, endLine: 1, language: languageOf(measure.file)?.id ?? 'unknown', warnings: [], measure };
}

/**
 * The one way scoring inputs are built: every measured file (and every file holding items) gets a health record,
 * its cost is split among its items (scoring/share.ts), and a remainder over `fileItemMinInterest` becomes a file item.
 */
export function scoringInputsOf(items: readonly DebtItem[], ground: ScoringGround): ScoringInputs {
  const byFile = new Map<string, DebtItem[]>();
  for (const file of ground.measures.keys()) byFile.set(file, []);
  for (const item of items) if (item.kind !== 'file') (byFile.get(item.file) ?? byFile.set(item.file, []).get(item.file)!).push(item);
  const result: ScoringInputs = { health: [], inputs: [], fileItems: [] };
  for (const [file, fileItems] of byFile) {
    const measure = ground.measures.get(file) ?? { file, lines: ground.linesOf(file) };
    const health = fileHealthAt(measure, fileItems, ground);
    result.health.push(health);
    const split = splitFile(fileItems, measure.complexity?.cognitive, ground.config);
    for (const item of fileItems) result.inputs.push({ item, file: health, share: split.shares.get(item.id)!, settings: ground.config });
    if (split.remainder > 0 && health.interest * split.remainder >= ground.config.fileItemMinInterest && health.interest > 0 && !isProse(file)) {
      const item = fileItemOf(measure);
      result.fileItems.push(item);
      result.inputs.push({ item, file: health, share: { fraction: split.remainder, basis: fileItems.length ? `not carried by the file's ${fileItems.length} other items` : 'no other item in the file' }, settings: ground.config });
    }
  }
  return result;
}
