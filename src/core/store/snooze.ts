const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD string that names a day of the calendar (2027-02-30 does not). */
export const isCalendarDate = (text: string): boolean => ISO_DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;

/** Snoozed on `today`: the item stays out of plans until its date. */
export const isSnoozed = (snoozedUntil: string | undefined, today: string): boolean => snoozedUntil !== undefined && today < snoozedUntil;

/** Why a snooze date cannot be used on `today`, or undefined when it can. */
export function snoozeDateProblem(date: string, today: string): string | undefined {
  if (!isCalendarDate(date)) return `"${date}" is not a date (YYYY-MM-DD)`;
  if (date <= today) return `${date} is not in the future (today is ${today})`;
  return undefined;
}

export class SnoozeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnoozeError';
  }
}
