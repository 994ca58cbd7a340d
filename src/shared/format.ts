import type { DeliveryFigure } from './delivery';

/** How every surface (tree, hover, CodeLens, status bar, dashboard, report, CSV, Markdown) writes a figure. */

/** A payback later than this is not a plan: it is shown as "> 2 years", not as a number of sprints. */
export const PAYBACK_HORIZON_DAYS = 730;

/** One decimal, no trailing ".0"; a positive value under 0.05 is "< 0.1", not "0". */
export function formatNumber(value: number): string {
  if (value > 0 && value < 0.05) return '< 0.1';
  const rounded = Math.round(value * 10) / 10;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export const formatHours = (hours: number): string => `${formatNumber(hours)} h`;

export const formatInterest = (hoursPerSprint: number): string => `${formatNumber(hoursPerSprint)} h/sprint`;

/** "2.2 sprints", "never" (no interest to pay back) or "> 2 years" (past the horizon at this sprint length). */
export function formatPayback(payback: number | null, sprintLengthDays = 14): string {
  if (payback === null || !Number.isFinite(payback)) return 'never';
  if (payback * sprintLengthDays > PAYBACK_HORIZON_DAYS) return '> 2 years';
  const sprints = formatNumber(payback);
  return `${sprints} ${sprints === '1' ? 'sprint' : 'sprints'}`;
}

/** A whole percentage of a share in 0..1 ("18%"); "n/a" when there is nothing to measure yet. */
export const formatPercent = (share: number | null): string => (share === null || !Number.isFinite(share) ? 'n/a' : `${Math.round(share * 100)}%`);

/** "0.9 h/sprint · payback 2.2 sprints" */
export const formatCost = (interest: number, payback: number | null, sprintLengthDays = 14): string =>
  `${formatInterest(interest)} · payback ${formatPayback(payback, sprintLengthDays)}`;

/** "Sprint 25", with a warning when the sprint numbers come from a calendar nobody set. */
export const formatSprint = (sprint: number, calendarSet: boolean): string => `Sprint ${sprint}${calendarSet ? '' : ' (default calendar)'}`;

/** What to say about a default calendar, and where the team sets its own. */
export const DEFAULT_CALENDAR_NOTE = 'Sprint numbers come from the default calendar, which nobody set: set "firstSprintStart" (and "sprintLengthDays") in .debt/config.json.';

/** "up 12%", "down 3%" or "unchanged": the change from one positive figure to another. */
export function formatChange(from: number, to: number): string {
  const change = Math.round(((to - from) / from) * 100);
  return change === 0 ? 'unchanged' : `${change > 0 ? 'up' : 'down'} ${Math.abs(change)}%`;
}

/** A share as the back-test writes it, one decimal: "66.7%". */
export const formatCapture = (share: number): string => `${formatNumber(share * 100)}%`;

/** A time in hours: "5.2 h" under two days, "3.1 d" from there. */
export const formatDuration = (hours: number): string => (hours >= 48 ? `${formatNumber(hours / 24)} d` : formatHours(hours));

/** How each delivery figure's value reads: releases per week, a share of releases, a median time with its p85. */
export const DELIVERY_VALUE = {
  rate: (figure: DeliveryFigure): string => `${formatNumber(figure.value ?? 0)}/week`,
  share: (figure: DeliveryFigure): string => formatPercent(figure.value),
  time: (figure: DeliveryFigure): string => `${formatDuration(figure.value ?? 0)} · p85 ${formatDuration(figure.p85 ?? 0)}`,
} as const;
export type DeliveryValueKind = keyof typeof DELIVERY_VALUE;

/** A delivery figure's status in words: its value, "not enough data" or "no data"; never a number it does not have. */
export const formatFigureStatus = (figure: DeliveryFigure, kind: DeliveryValueKind): string =>
  figure.status === 'ok' ? DELIVERY_VALUE[kind](figure) : figure.status === 'no-data' ? 'no data' : 'not enough data';

/** "1.5/week (n = 4)", "not enough data (n = 2)", "no data (n = 0)". */
export const formatFigure = (figure: DeliveryFigure, kind: DeliveryValueKind): string => `${formatFigureStatus(figure, kind)} (n = ${figure.sample})`;
