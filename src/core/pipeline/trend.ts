import { tagMatcher } from '../annotations';
import type { TeamConfig } from '../config';
import { gitOutput } from '../git/run';
import { historyOff, readHistory } from '../history/history';
import { loadIncidents } from '../history/incidents';
import { sprintCalendar } from '../portfolio/sprints';
import { scoreItem } from '../scoring/score';
import { historySettingsOf } from './historyScorer';
import { scanCommit } from './scanCommit';
import { scoringInputsOf, type ScoringGround } from './scoringInput';

export interface TrendPoint {
  sprint: number;
  /** The sprint's first day: the boundary the figures are taken at. */
  date: string;
  /** The last commit before the boundary; null when the repository is younger. */
  commit: string | null;
  openItems: number;
  /** Estimated interest (h/sprint) of those items, from the history as it was then. */
  interest: number;
}

async function commitBefore(root: string, date: string): Promise<string | null> {
  const commit = (await gitOutput(root, ['rev-list', '-1', `--before=${date}T00:00:00Z`, 'HEAD', '--'])).stdout.toString().trim();
  return /^[0-9a-f]{40,64}$/.test(commit) ? commit : null;
}

/**
 * Open annotations and their estimated interest at the start of each of the last `sprints` sprints,
 * read from git (the tree and the history as they were then), so a team sees its trend on the first run.
 * Each past item is found and scored exactly as today's are (the same `fileItems` and scoring input).
 */
export async function trendOf(root: string, config: TeamConfig, options: { sprints: number; today: string; signal?: AbortSignal }): Promise<TrendPoint[]> {
  const calendar = sprintCalendar(config.firstSprintStart, config.sprintLengthDays);
  const current = calendar.sprintOf(options.today);
  const { incidents } = loadIncidents(root);
  const settings = historySettingsOf(config);
  const context = { tags: tagMatcher(config.tags), parse: true };
  const points: TrendPoint[] = [];
  for (let sprint = current - options.sprints + 1; sprint <= current; sprint++) {
    options.signal?.throwIfAborted();
    const date = calendar.range(sprint).start;
    const commit = await commitBefore(root, date);
    if (!commit) {
      points.push({ sprint, date, commit, openItems: 0, interest: 0 });
      continue;
    }
    const { items, measures } = await scanCommit(root, commit, config, context);
    const history = await readHistory(root, settings, { asOfRef: commit, signal: options.signal });
    const ground: ScoringGround = { config, history, incidents, asOfMs: Date.parse(`${date}T00:00:00Z`), measures, linesOf: () => 0 };
    const interest = scoringInputsOf(items, ground).inputs.filter((input) => input.item.kind !== 'file').reduce((sum, input) => sum + scoreItem(input).interest, 0);
    points.push({ sprint, date, commit, openItems: items.length, interest });
  }
  return points;
}

/** The trend of a folder's portfolio as the dashboard shows it: none when git or its history is off. */
export async function portfolioTrend(root: string, config: TeamConfig, options: { git: boolean; today: string; signal?: AbortSignal }): Promise<TrendPoint[]> {
  if (!options.git || (await historyOff(root))) return [];
  return trendOf(root, config, { sprints: config.trendSprints, today: options.today, signal: options.signal });
}
