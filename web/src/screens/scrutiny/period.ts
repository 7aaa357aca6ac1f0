// Whole calendar months, `YYYY-MM`, counted in UTC as the services count them.

export interface Period {
  from: string;
  to: string;
}

/** How far back the picker reaches; the service serves at most 36 months at a time. */
export const MONTHS_OFFERED = 36;
export const DEFAULT_MONTHS = 6;

export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

export function addMonths(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(year, m - 1 + offset, 1)));
}

/** The last six months, this one included (its figures fill in as the month goes on). */
export function defaultPeriod(now = new Date()): Period {
  const to = monthOf(now);
  return { from: addMonths(to, -(DEFAULT_MONTHS - 1)), to };
}

const long = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const short = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const asDate = (month: string) => new Date(`${month}-01T00:00:00Z`);

/** `2026-03` → `March 2026` (or `Mar 2026` where space is short). */
export const monthLabel = (month: string, form: 'long' | 'short' = 'long') => (form === 'long' ? long : short).format(asDate(month));

export const periodLabel = ({ from, to }: Period) => (from === to ? monthLabel(from) : `${monthLabel(from)} to ${monthLabel(to)}`);

/** The months a person can pick, newest first. */
export function monthOptions(now = new Date()): { value: string; label: string }[] {
  const latest = monthOf(now);
  return Array.from({ length: MONTHS_OFFERED }, (_, i) => addMonths(latest, -i)).map((value) => ({ value, label: monthLabel(value) }));
}
