import type { TeamConfig } from '../config';
import { runGit } from '../git/run';
import { sprintCalendar } from '../portfolio/sprints';
import { scoreItem } from '../scoring/score';
import { annotationsAtCommit } from './atCommit';
import { readHistory, type HistorySettings } from './history';
import { loadIncidents } from './incidents';

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

const DAY_MS = 86_400_000;

async function commitBefore(root: string, date: string): Promise<string | null> {
  const result = await runGit(root, ['rev-list', '-1', `--before=${date}T00:00:00Z`, 'HEAD', '--']);
  const commit = result.stdout.toString().trim();
  return result.code === 0 && /^[0-9a-f]{40,64}$/.test(commit) ? commit : null;
}

/**
 * Open annotations and their estimated interest at the start of each of the last `sprints` sprints,
 * read from git (the tree and the history as they were then), so a team sees its trend on the first run.
 */
export async function trendOf(root: string, config: TeamConfig, settings: HistorySettings, options: { sprints: number; today: string }): Promise<TrendPoint[]> {
  const calendar = sprintCalendar(config.firstSprintStart, config.sprintLengthDays);
  const current = calendar.sprintOf(options.today);
  const { incidents } = loadIncidents(root);
  const points: TrendPoint[] = [];
  for (let sprint = current - options.sprints + 1; sprint <= current; sprint++) {
    const date = calendar.range(sprint).start;
    const commit = await commitBefore(root, date);
    if (!commit) {
      points.push({ sprint, date, commit, openItems: 0, interest: 0 });
      continue;
    }
    const { items, lines } = await annotationsAtCommit(root, commit, config);
    const history = await readHistory(root, settings, { asOfRef: commit });
    const boundary = Date.parse(`${date}T00:00:00Z`);
    let interest = 0;
    for (const item of items) {
      const linked = incidents.forFile(item.file).filter((incident) => Date.parse(incident.date) < boundary);
      interest += scoreItem({
        item,
        history: history.available ? history.files.get(item.file) : 'off',
        windowDays: config.historyWindowDays,
        complexity: { value: (lines.get(item.file) ?? 0) / config.linesPerComplexityPoint, source: 'file proxy' },
        incidents: linked.map((incident) => ({ incident, ageDays: (boundary - Date.parse(incident.date)) / DAY_MS })),
        settings: config,
      }).interest;
    }
    points.push({ sprint, date, commit, openItems: items.length, interest });
  }
  return points;
}
