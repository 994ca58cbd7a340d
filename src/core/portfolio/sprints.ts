const DAY_MS = 86_400_000;

export interface SprintRange {
  /** 1-based sprint number counted from the team's first sprint. */
  sprint: number;
  /** First day (ISO date). */
  start: string;
  /** Last day (ISO date), inclusive. */
  end: string;
}

export interface SprintCalendar {
  sprintOf(date: string): number;
  range(sprint: number): SprintRange;
}

const toDay = (date: string): number => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Sprints of a fixed length from a first start date; sprint 1 starts on `firstStart`. */
export function sprintCalendar(firstStart: string, lengthDays: number): SprintCalendar {
  const origin = toDay(firstStart);
  return {
    sprintOf: (date) => Math.floor((toDay(date) - origin) / lengthDays) + 1,
    range: (sprint) => ({
      sprint,
      start: fromDay(origin + (sprint - 1) * lengthDays),
      end: fromDay(origin + sprint * lengthDays - 1),
    }),
  };
}
