import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TeamConfig } from '../config';
import { lineAges, type BlameCache } from '../history/blame';
import { readHistory, type History, type HistorySettings } from '../history/history';
import { loadIncidents, type Incident, type Incidents } from '../history/incidents';
import type { DebtItem } from '../model';
import type { Scorer, ScoredItem } from '../portfolio/build';
import { compilePattern } from '../text/pattern';
import { scoreItem } from './score';

const DAY_MS = 86_400_000;

export function historySettingsOf(config: TeamConfig): HistorySettings {
  return { windowDays: config.historyWindowDays, halfLifeDays: config.halfLifeDays, fixPattern: compilePattern(config.fixPattern, { ignoreCase: true }), incidentPattern: compilePattern(config.incidentPattern) };
}

/** The file-level complexity proxy for files without function metrics: non-blank lines ÷ linesPerComplexityPoint. */
function fileProxy(root: string, file: string, config: TeamConfig, cache: Map<string, number>): { value: number; source: string } {
  let lines = cache.get(file);
  if (lines === undefined) {
    try {
      lines = readFileSync(path.join(root, file), 'utf8').split(/\r\n|\r|\n/).filter((line) => line.trim() !== '').length;
    } catch {
      lines = 0;
    }
    cache.set(file, lines);
  }
  return { value: lines / config.linesPerComplexityPoint, source: `file proxy: ${lines} lines ÷ ${config.linesPerComplexityPoint}` };
}

function linkedIncidents(item: DebtItem, history: History, incidents: Incidents, asOfMs: number): Array<{ incident: Incident; ageDays: number }> {
  const linked = new Map<string, Incident>();
  for (const incident of incidents.forFile(item.file)) linked.set(incident.id, incident);
  const ids = [...(item.kind === 'annotation' ? (item.meta.incident ?? []) : []), ...(history.available ? (history.files.get(item.file)?.incidents ?? []) : [])];
  for (const id of ids) {
    const incident = incidents.byId.get(id);
    if (incident) linked.set(id, incident);
  }
  return [...linked.values()].map((incident) => ({ incident, ageDays: Math.max(0, (asOfMs - Date.parse(incident.date)) / DAY_MS) }));
}

/**
 * Scores items from git history (one log pass per HEAD, cached), the incidents file and blame
 * (cached by blob id). Without git every figure is still computed, with no changes to count.
 */
export function historyScorer(blameCache: BlameCache = new Map()): Scorer {
  const histories = new Map<string, { key: string; history: History }>();
  /** One log pass per folder, settings, git switch and five minutes. */
  const historyOf = async (root: string, config: TeamConfig, git: boolean, signal?: AbortSignal): Promise<History> => {
    const key = `${git}:${config.historyWindowDays}:${config.halfLifeDays}:${config.fixPattern}:${Math.floor(Date.now() / 300_000)}`;
    const cached = histories.get(root);
    if (cached?.key === key) return cached.history;
    const history: History = git ? await readHistory(root, historySettingsOf(config), { signal }) : { available: false, reason: 'git history is off: git is not used here (--no-git, or an untrusted workspace)' };
    histories.set(root, { key, history });
    return history;
  };
  return {
    async score(root, items, { config, git, signal, blame = 'run' }) {
      const history = await historyOf(root, config, git, signal);
      const { incidents, warnings } = loadIncidents(root);
      const notices = [...(history.available ? [] : [history.reason]), ...warnings.map((w) => `${w.file}: ${w.message}`)];
      const asOfMs = history.available ? history.asOf * 1000 : Date.now();
      const lines = new Map<string, number>();
      const scored = new Map<string, ScoredItem>();
      /** Each file's ages once per call: a file's annotations share one read, one hash and at most one blame. */
      const agesByFile = new Map<string, ReturnType<typeof lineAges>>();
      const agesOf = (file: string) => agesByFile.get(file) ?? agesByFile.set(file, lineAges(root, file, blameCache, { cachedOnly: blame === 'cached' })).get(file)!;
      let agesPending = false;
      for (const item of items) {
        const score = scoreItem({
          item,
          history: history.available ? history.files.get(item.file) : 'off',
          windowDays: config.historyWindowDays,
          complexity: complexityOf(root, item, config, lines),
          incidents: linkedIncidents(item, history, incidents, asOfMs),
          settings: config,
        });
        const ages = history.available && item.kind === 'annotation' ? await agesOf(item.file) : undefined;
        if (ages === 'not-cached') agesPending = true;
        const age = ages === 'not-cached' ? undefined : ages?.[item.line];
        scored.set(item.id, { score, ...(age ? { age } : {}) });
      }
      return { scored, notices, agesPending, ...(history.available ? { files: history.files } : {}) };
    },
  };
}

/** The complexity behind an item's penalty: a hotspot's, its enclosing function's, else the file proxy. */
function complexityOf(root: string, item: DebtItem, config: TeamConfig, lines: Map<string, number>): { value: number; source: string } {
  if (item.kind === 'hotspot') return cognitiveOf(item.name, item.metrics.cognitive);
  if (item.enclosing) return cognitiveOf(item.enclosing.name, item.enclosing.cognitive);
  return fileProxy(root, item.file, config, lines);
}

const cognitiveOf = (name: string, value: number) => ({ value, source: `cognitive complexity of ${name}` });
