import { SnoozeError, snoozeDateProblem } from '../store/snooze';
import { sprintCalendar, type SprintRange } from './sprints';

const SPRINTS = /^(\d+)\s*sprints?$/i;
const DAY_MS = 86_400_000;

/** The first day of the sprint that follows the next `count` sprints: snoozed for 1 sprint, an item misses the next plan. */
export function afterSprints(current: SprintRange, sprintLengthDays: number, count: number): string {
  return new Date(Date.parse(`${current.end}T00:00:00Z`) + (1 + count * sprintLengthDays) * DAY_MS).toISOString().slice(0, 10);
}

/** The date a snooze given as a date or as "N sprints" ends on; throws SnoozeError with the reason. */
export function snoozeDateOf(given: string, today: string, calendar: { firstSprintStart: string; sprintLengthDays: number }): string {
  const sprints = SPRINTS.exec(given.trim());
  if (sprints) {
    const count = Number(sprints[1]);
    if (count < 1) throw new SnoozeError(`"${given}": snooze for at least 1 sprint`);
    const { sprintOf, range } = sprintCalendar(calendar.firstSprintStart, calendar.sprintLengthDays);
    return afterSprints(range(sprintOf(today)), calendar.sprintLengthDays, count);
  }
  const problem = snoozeDateProblem(given.trim(), today);
  if (problem) throw new SnoozeError(`${problem}; give a future date or a number of sprints (2sprints)`);
  return given.trim();
}
