import type { z } from 'zod';
import type { StatisticsPeriodKind } from '../contracts/index.js';
import { addMonths, monthWindow, type Month, type MonthWindow } from './months.js';

export type PeriodKind = z.infer<typeof StatisticsPeriodKind>;

/** A span of whole months, both ends included. */
export interface PeriodSpan {
  period: PeriodKind | 'month';
  from: Month;
  to: Month;
}

const LENGTH: Record<PeriodSpan['period'], number> = { month: 1, quarter: 3, rolling_12_months: 12 };

/**
 * The periods a month's release covers besides the month: at a quarter's last month (March, June,
 * September, December: the financial year's quarters too), the quarter and the year ending with it. The
 * year moves on a quarter at a time, as police recorded crime is published ("year ending March"): moved
 * each month, two consecutive years less the month a year before would give each month away.
 */
export function periodsEnding(month: Month): PeriodSpan[] {
  if (Number(month.slice(5)) % 3 !== 0) return [];
  return [spanOf('quarter', month), spanOf('rolling_12_months', month)];
}

export const spanOf = (period: PeriodSpan['period'], to: Month): PeriodSpan => ({ period, from: addMonths(to, -(LENGTH[period] - 1)), to });

/** The instants a period covers, as the measures count a month (labelled by its last month). */
export function periodWindow(span: Pick<PeriodSpan, 'from' | 'to'>): MonthWindow {
  return { month: span.to, from: monthWindow(span.from).from, to: monthWindow(span.to).to };
}

/** The months a period spans, oldest first. */
export function monthsOf(span: Pick<PeriodSpan, 'from' | 'to'>): Month[] {
  const months: Month[] = [];
  for (let m = span.from; m <= span.to; m = addMonths(m, 1)) months.push(m);
  return months;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const nameOf = (month: Month) => monthName.format(monthWindow(month).from);

/** `January to March 2026`, `Year ending March 2026`. */
export function periodLabel(span: PeriodSpan): string {
  const year = span.to.slice(0, 4);
  if (span.period === 'rolling_12_months') return `Year ending ${nameOf(span.to)} ${year}`;
  if (span.period === 'quarter') return `${nameOf(span.from)} to ${nameOf(span.to)} ${year}`;
  return `${nameOf(span.to)} ${year}`;
}
