import { readFileSync } from 'node:fs';
import type { TeamConfig } from '../config';
import { fsPath } from '../files/fileNames';
import { lineAges, type BlameCache, type CommittedBlame } from '../history/blame';
import { readHistory, type FileHistory, type History, type HistorySettings } from '../history/history';
import { loadIncidents } from '../history/incidents';
import type { DebtItem, FileItem, FileMeasure } from '../model';
import type { FileHealth } from '../scoring/fileCost';
import { scoreItem } from '../scoring/score';
import type { ItemScore } from '../scoring/types';
import type { PortfolioItem } from '../portfolio/view';
import { nonBlankLines } from '../text/lines';
import { compilePattern } from '../text/pattern';
import { scoringInputsOf, type ScoringGround } from './scoringInput';

export interface ScoredItem {
  score: ItemScore;
  age?: PortfolioItem['age'];
}

export interface Scored {
  scored: Map<string, ScoredItem>;
  notices: string[];
  files?: Map<string, FileHistory>;
  /** Every measured file's health record (and every file holding items). */
  health: FileHealth[];
  /** Costly files' remainders, scored in `scored` like every other item. */
  fileItems: FileItem[];
  /** Set with `blame: 'cached'` when a full score would date more lines. */
  agesPending?: boolean;
}

/** Turns found items into costs; the history-backed scorer reads git, a plain one only the items. */
export interface Scorer {
  /**
   * Scores the items. With `blame: 'cached'` no blame runs (an age comes only from a file already blamed as it is
   * now) and `agesPending` says whether a full score would find more: a live rescan answers first, dates after.
   */
  score(root: string, items: readonly DebtItem[], context: { config: TeamConfig; git: boolean; measures?: readonly FileMeasure[]; signal?: AbortSignal; blame?: 'run' | 'cached'; asOfRef?: string }): Promise<Scored>;
}

export function historySettingsOf(config: TeamConfig): HistorySettings {
  return { windowDays: config.historyWindowDays, halfLifeDays: config.halfLifeDays, fixPattern: compilePattern(config.fixPattern, { ignoreCase: true }), incidentPattern: compilePattern(config.incidentPattern), bulkCommitFiles: config.bulkCommitFiles };
}

/** Non-blank lines of a file on disk, read once per call. */
function linesOnDisk(root: string): (file: string) => number {
  const lines = new Map<string, number>();
  return (file) => {
    let count = lines.get(file);
    if (count === undefined) {
      try {
        count = nonBlankLines(readFileSync(fsPath(root, file), 'utf8'));
      } catch {
        count = 0;
      }
      lines.set(file, count);
    }
    return count;
  };
}

/**
 * Scores items from git history (one log pass per HEAD, cached), the incidents file and blame
 * (cached by blob id). Without git every figure is still computed, with no changes to count.
 */
export function historyScorer(blameCache: BlameCache = new Map()): Scorer {
  const committed: CommittedBlame = new Map();
  const histories = new Map<string, { key: string; history: History }>();
  /** One log pass per folder, settings, git switch and five minutes. */
  const historyOf = async (root: string, config: TeamConfig, git: boolean, signal?: AbortSignal, asOfRef?: string): Promise<History> => {
    const key = `${git}:${asOfRef ?? 'HEAD'}:${config.historyWindowDays}:${config.halfLifeDays}:${config.fixPattern}:${config.incidentPattern}:${config.bulkCommitFiles}:${Math.floor(Date.now() / 300_000)}`;
    const cached = histories.get(root);
    if (cached?.key === key) return cached.history;
    const history: History = git ? await readHistory(root, historySettingsOf(config), { signal, asOfRef }) : { available: false, reason: 'git history is off: git is not used here (--no-git, or an untrusted workspace)' };
    histories.set(root, { key, history });
    return history;
  };
  return {
    async score(root, items, { config, git, measures = [], signal, blame = 'run', asOfRef }) {
      const history = await historyOf(root, config, git, signal, asOfRef);
      const { incidents, warnings } = loadIncidents(root);
      const notices = [...(history.available ? (history.notice ? [history.notice] : []) : [history.reason]), ...warnings.map((w) => `${w.file}: ${w.message}`)];
      const ground: ScoringGround = { config, history, incidents, asOfMs: history.available ? history.asOf * 1000 : Date.now(), measures: new Map(measures.map((m) => [m.file, m])), linesOf: linesOnDisk(root) };
      const { inputs, health, fileItems } = scoringInputsOf(items, ground);
      const scored = new Map<string, ScoredItem>();
      /** Each file's ages once per call: a file's annotations share one read, one hash and at most one blame. */
      const agesByFile = new Map<string, ReturnType<typeof lineAges>>();
      const agesOf = (file: string) => agesByFile.get(file) ?? agesByFile.set(file, lineAges(root, file, blameCache, { cachedOnly: blame === 'cached', head: history.available ? history.head : undefined, committed, signal })).get(file)!;
      let agesPending = false;
      for (const input of inputs) {
        signal?.throwIfAborted();
        const { item } = input;
        const score = scoreItem(input);
        const ages = history.available && !asOfRef && item.kind === 'annotation' ? await agesOf(item.file) : undefined;
        if (ages === 'not-cached') agesPending = true;
        const age = ages === 'not-cached' ? undefined : ages?.[item.line];
        scored.set(item.id, { score, ...(age ? { age } : {}) });
      }
      return { scored, notices, agesPending, health, fileItems, ...(history.available ? { files: history.files } : {}) };
    },
  };
}
