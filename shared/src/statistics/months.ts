/** A calendar month, `YYYY-MM`: the unit every statistic is counted in (defined with the contracts). */
import { Month } from '../contracts/common.js';

export { Month };

/** A calendar month in UTC: from its first instant (inclusive) to the next month's first instant (exclusive). */
export interface MonthWindow {
  month: Month;
  from: Date;
  to: Date;
}

export function monthWindow(month: Month): MonthWindow {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { month, from: new Date(Date.UTC(year, m - 1, 1)), to: new Date(Date.UTC(year, m, 1)) };
}

export function monthOf(at: Date): Month {
  return at.toISOString().slice(0, 7);
}

/** The month `offset` months after (or, negative, before) the given one. */
export function addMonths(month: Month, offset: number): Month {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(year, m - 1 + offset, 1)));
}

export function previousMonth(now: Date): Month {
  return addMonths(monthOf(now), -1);
}

/** Every month from `from` to `to`, both included, oldest first; at most `limit` of them. */
export function monthsBetween(from: Month, to: Month, limit = 60): Month[] {
  const months: Month[] = [];
  for (let m = from; m <= to && months.length < limit; m = addMonths(m, 1)) months.push(m);
  return months;
}

export function within(at: Date | string, window: Pick<MonthWindow, 'from' | 'to'>): boolean {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return t >= window.from.getTime() && t < window.to.getTime();
}

const DAY_MS = 86_400_000;

/** Whole calendar days (UTC) from one instant's date to another's: the same day is 0. */
export function daysBetween(from: Date | string, to: Date | string): number {
  const day = (d: Date | string) => Math.floor(new Date(d).getTime() / DAY_MS);
  return day(to) - day(from);
}
