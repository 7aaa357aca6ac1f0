import { LinkTokenError } from './errors.js';

/** What a date of birth may look like; quoted in every refusal so the caller knows what to send. */
export const DATE_OF_BIRTH_FORMATS = 'YYYY-MM-DD, DD/MM/YYYY (day first, also with - or .) or D MMM YYYY (e.g. 14 Mar 1985)';

/*
 * The accepted forms as JSON Schema patterns (for the documents, as an `anyOf`), each allowing only dates that
 * exist in every year since 1900, so every value they allow is accepted. They allow less than is accepted: no
 * 29 February, no year after 2025 (a pattern cannot follow today), no ordinals, full month names or other case.
 * [0-9], not \d: some engines' \d matches other scripts' digits.
 */
const YEAR = '(?:19[0-9]{2}|20[01][0-9]|202[0-5])';
/** Days of 31-, 30- and 28-day months; `lead` is the leading zero of days 1-9 ('0', or '0?' where it may be left out). */
const days = (lead: string) => [`(?:${lead}[1-9]|[12][0-9]|3[01])`, `(?:${lead}[1-9]|[12][0-9]|30)`, `(?:${lead}[1-9]|1[0-9]|2[0-8])`];
/** Each month group with its days: day and month in the given order, joined by `sep`. */
function dayAndMonth(months: string[], sep: string, dayFirst: boolean): string {
  const dayList = days(dayFirst ? '0?' : '0');
  const pairs = months.map((month, i) => (dayFirst ? `${dayList[i]}${sep}${month}` : `${month}${sep}${dayList[i]}`));
  return `(?:${pairs.join('|')})`;
}
const NUMBERED_MONTHS = ['(?:0[13578]|1[02])', '(?:0[469]|11)', '02'];
const DAY_FIRST_MONTHS = ['(?:0?[13578]|1[02])', '(?:0?[469]|11)', '0?2'];
const MONTH_NAMES = ['(?:Jan|Mar|May|Jul|Aug|Oct|Dec)', '(?:Apr|Jun|Sep|Nov)', 'Feb'];
export const DATE_OF_BIRTH_PATTERNS = [
  `^${YEAR}-${dayAndMonth(NUMBERED_MONTHS, '-', false)}$`,
  // One separator throughout, as the parser requires.
  `^(?:${['/', '-', '\\.'].map((sep) => `${dayAndMonth(DAY_FIRST_MONTHS, sep, true)}${sep}${YEAR}`).join('|')})$`,
  `^${dayAndMonth(MONTH_NAMES, ' ', true)} ${YEAR}$`,
] as const;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
// UK writing is day first, so 05/06/1985 is 5 June; separators must agree (14/03-1985 is a typo, not a date).
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const TWO_DIGIT_YEAR = /^\d{1,2}([/.-])\d{1,2}\1\d{2}$|^\d{1,2}(?:st|nd|rd|th)? [a-z]+\.?,? \d{2}$/;
const IN_WORDS = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? (\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EARLIEST = '1900-01-01';

function monthNumber(word: string): number | undefined {
  const index = word === 'sept' ? 8 : Math.max(MONTHS.indexOf(word), FULL_MONTHS.indexOf(word));
  return index >= 0 ? index + 1 : undefined;
}

const refuse = (detail: string) => new LinkTokenError('invalid_date_of_birth', detail);

/** Year, month and day as written, in any accepted format; the calendar is checked afterwards. */
function partsOf(date: string): [number, number, number] {
  const iso = ISO.exec(date);
  if (iso) return [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const dayFirst = DAY_FIRST.exec(date);
  if (dayFirst) return [Number(dayFirst[4]), Number(dayFirst[3]), Number(dayFirst[1])];
  if (TWO_DIGIT_YEAR.test(date)) throw refuse('a two-digit year is ambiguous');
  const words = IN_WORDS.exec(date);
  const month = words ? monthNumber(words[2] ?? '') : undefined;
  if (words && month) return [Number(words[3]), month, Number(words[1])];
  throw refuse('unrecognised format');
}

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
 * A date of birth as agencies write it — ISO `1985-03-14`, UK day-first `14/03/1985` (or `14-03-1985`,
 * `14.03.1985`, `4/3/1985`) or in words `14 Mar 1985`, `1st April 1985` (any case) — as YYYY-MM-DD. Refused
 * (`invalid_date_of_birth`, never echoing the value): a two-digit year, anything else, a day or month that
 * does not exist (so US order 03/14/1985 is refused, not guessed), before 1900-01-01 or after today (UK
 * calendar date at `now`, default the current time).
 */
export function normaliseDateOfBirth(raw: string, now: Date = new Date()): string {
  const [year, month, day] = partsOf(raw.trim().replace(/\s+/g, ' ').toLowerCase());
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw refuse('not a calendar date');
  }
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Zero-padded ISO dates compare correctly as strings.
  if (date < EARLIEST) throw refuse('before 1900');
  if (Number.isNaN(now.getTime())) throw new LinkTokenError('invalid_input', 'invalid reference time');
  if (date > ukToday(now)) throw refuse('in the future');
  return date;
}
