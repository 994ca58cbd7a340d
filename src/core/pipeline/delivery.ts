import type { TeamConfig } from '../config';
import { gitOutput } from '../git/run';
import { commitReleases, debtSplitOf, judgeReleases, mergeReleases, readDeliveryLog, readReleaseTags, restoresOf, shippedReleases, figuresOf, type DeliveryInput, type DeliveryLog, type DeliveryReport, type Period, type Release } from '../history/delivery';
import { loadIncidents } from '../history/incidents';
import type { Warning } from '../model';
import type { DashboardDelivery, ReleaseSource } from '../../shared/delivery';
import type { SprintAdherence } from '../portfolio/planner';
import { sprintCalendar, type SprintRange } from '../portfolio/sprints';
import type { FileHealth } from '../scoring/fileCost';
import { compilePattern } from '../text/pattern';

const DAY_SECONDS = 86_400;

const startSeconds = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 1000;

function chooseReleases(tags: Release[], log: DeliveryLog, config: TeamConfig, warnings: Warning[]): { from: ReleaseSource; releases: Release[] } {
  if (config.releaseFrom === 'commits') return { from: 'commits', releases: commitReleases(log) };
  if (config.releaseFrom === 'tags' && tags.length > 0) return { from: 'tags', releases: tags };
  if (config.releaseFrom === 'tags') warnings.push({ file: 'refs/tags', code: 'delivery-no-tags', message: `no tag on a commit matches releaseTagPattern "${config.releaseTagPattern}"; merges to the current branch count as releases` });
  const releases = mergeReleases(log);
  if (releases.length === 0) warnings.push({ file: 'HEAD', code: 'delivery-no-releases', message: 'no release tags and no merges on the current branch: deployment frequency, lead time and change failure rate have no data (a team that squash-merges can set releaseFrom to "commits")' });
  return { from: 'merges', releases };
}

/** The costliest tenth (at least one) of the files that cost any interest, costliest first. */
export function topInterestFiles(health: readonly FileHealth[]): string[] {
  const costly = health.filter((file) => file.interest > 0).sort((a, b) => b.interest - a.interest);
  return costly.slice(0, Math.ceil(costly.length / 10)).map((file) => file.file);
}

/** The files as git log names them: relative to the repository's top, not to the scanned folder. */
async function fromRepositoryTop(root: string, files: readonly string[]): Promise<Set<string>> {
  const prefix = (await gitOutput(root, ['rev-parse', '--show-prefix'])).stdout.toString('utf8').trim();
  return new Set(files.map((file) => `${prefix}${file}`));
}

/**
 * Delivery figures for each of the last `sprints` sprints and over all of them, from one tag listing and one
 * `git log` of HEAD and the tags (side by side), and `.debt/incidents.json`; with `topFiles` (relative to `root`),
 * lead time and change failure rate of the changes that touched them against the rest.
 */
export async function deliveryOf(root: string, config: TeamConfig, options: { sprints: number; today: string; nowSeconds: number; topFiles?: readonly string[] }): Promise<DeliveryReport> {
  const calendar = sprintCalendar(config.firstSprintStart, config.sprintLengthDays);
  const current = calendar.sprintOf(options.today);
  const ranges = Array.from({ length: options.sprints }, (_, index) => calendar.range(current - options.sprints + 1 + index));
  const [{ tags, warnings }, log] = await Promise.all([readReleaseTags(root, compilePattern(config.releaseTagPattern)), readDeliveryLog(root)]);
  const chosen = chooseReleases(tags, log, config, warnings);
  const releases = shippedReleases(chosen.releases, log.commits);
  judgeReleases(releases, log.commits, { fixPattern: compilePattern(config.fixPattern, { ignoreCase: true }), windowDays: config.changeFailureWindowDays, nowSeconds: options.nowSeconds });
  const loaded = loadIncidents(root);
  const { restores, warnings: restoreWarnings } = restoresOf(loaded.incidents.list, options.nowSeconds);
  const input: DeliveryInput = { releases, restores, minSample: config.deliveryMinSample, windowDays: config.changeFailureWindowDays, nowSeconds: options.nowSeconds };
  const periodOf = (range: SprintRange) => ({ fromSeconds: startSeconds(range.start), toSeconds: startSeconds(range.end) + DAY_SECONDS });
  const top = options.topFiles && (await fromRepositoryTop(root, options.topFiles));
  const debtOf = (period: Period) => (top ? { debt: debtSplitOf(period, input, top) } : {});
  const first = ranges[0]!;
  const last = ranges[ranges.length - 1]!;
  const overall = { fromSeconds: periodOf(first).fromSeconds, toSeconds: periodOf(last).toSeconds };
  return {
    releasesFrom: chosen.from,
    releases: releases.map((release) => ({ name: release.name, commit: release.commit, date: new Date(release.time * 1000).toISOString(), commits: release.changes.length, judged: release.failure !== null, failure: release.failure ?? null })),
    sprints: ranges.map((range) => ({ ...range, figures: figuresOf(periodOf(range), input), ...debtOf(periodOf(range)) })),
    overall: { start: first.start, end: last.end, figures: figuresOf(overall, input), ...debtOf(overall) },
    ...(options.topFiles ? { topFiles: [...options.topFiles] } : {}),
    warnings: [...warnings, ...loaded.warnings, ...restoreWarnings],
  };
}

/** The report as the dashboard, the HTML report and the brief show it: plain data, each sprint beside its adherence. */
export function deliveryPanel(report: DeliveryReport, adherence: readonly SprintAdherence[]): DashboardDelivery {
  const adherenceOf = (sprint: number) => adherence.find((past) => past.sprint === sprint)?.adherence ?? null;
  return {
    releasesFrom: report.releasesFrom,
    releases: report.releases.length,
    sprints: report.sprints.map(({ sprint, start, end, figures, debt }) => ({ sprint, start, end, figures, debt: debt ?? null, adherence: adherenceOf(sprint) })),
    overall: { ...report.overall, debt: report.overall.debt ?? null },
    topFiles: report.topFiles?.length ?? 0,
    warnings: report.warnings.map((warning) => `${warning.file}: ${warning.message}`),
  };
}
