import { LinkTokenError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EARLIEST = '1900-01-01';

/** Today's calendar date in the UK, as YYYY-MM-DD. */
function ukToday(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Validates an ISO YYYY-MM-DD date of birth: a real calendar date, not before
 * 1900-01-01 and not after today (UK calendar date at `now`, default the
 * current time). Returns the trimmed date; throws `invalid_date_of_birth`.
 */
export function normaliseDateOfBirth(raw: string, now: Date = new Date()): string {
  const date = raw.trim();
  const match = ISO_DATE.exec(date);
  if (!match) throw new LinkTokenError('invalid_date_of_birth', 'expected YYYY-MM-DD');
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new LinkTokenError('invalid_date_of_birth', 'not a calendar date');
  }
  // Zero-padded ISO dates compare correctly as strings.
  if (date < EARLIEST) throw new LinkTokenError('invalid_date_of_birth', 'before 1900');
  if (Number.isNaN(now.getTime())) throw new LinkTokenError('invalid_input', 'invalid reference time');
  if (date > ukToday(now)) throw new LinkTokenError('invalid_date_of_birth', 'in the future');
  return date;
}
