import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkTokenError, normaliseDateOfBirth } from './index.js';

const NOW = new Date('2025-06-01T12:00:00Z');
const dob = (raw: string) => normaliseDateOfBirth(raw, NOW);

function refusal(raw: string): string {
  try {
    dob(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(LinkTokenError);
    expect((err as LinkTokenError).code).toBe('invalid_date_of_birth');
    // The value is personal data: never in the message.
    if (raw.trim().length > 4) expect((err as Error).message).not.toContain(raw.trim());
    return (err as Error).message;
  }
  throw new Error(`${raw} was accepted`);
}

describe('dates of birth as agencies write them', () => {
  it.each([
    ['1985-03-14'], ['14/03/1985'], ['14-03-1985'], ['14.03.1985'], ['14 Mar 1985'], ['14 March 1985'], ['14 MAR 1985'],
    ['14th March 1985'], ['  14  mar.  1985 '], ['14 Mar, 1985'],
  ])('%s is 1985-03-14', (raw) => {
    expect(dob(raw)).toBe('1985-03-14');
  });

  it('reads single-digit days and months, and every month name', () => {
    expect(dob('1 Apr 1985')).toBe('1985-04-01');
    expect(dob('1/4/1985')).toBe('1985-04-01');
    expect(dob('9 Sept 1985')).toBe('1985-09-09');
    const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    names.forEach((name, i) => {
      const month = String(i + 1).padStart(2, '0');
      expect(dob(`2 ${name} 1990`)).toBe(`1990-${month}-02`);
      expect(dob(`2 ${name.slice(0, 3)} 1990`)).toBe(`1990-${month}-02`);
    });
  });

  it('reads slashed dates day first, as UK agencies write them', () => {
    expect(dob('05/06/1985')).toBe('1985-06-05');
    expect(dob('12/01/2000')).toBe('2000-01-12');
  });

  it('refuses two-digit years, which could be either century', () => {
    for (const raw of ['14/03/85', '14-03-85', '14 Mar 85', '1/4/05']) expect(refusal(raw)).toMatch(/two-digit year/);
  });

  it('refuses month-first dates that cannot be day first, and impossible dates', () => {
    for (const raw of ['03/14/1985', '31/04/1985', '29/02/1985', '30 Feb 2000', '2023-02-29', '00/01/1985', '2023-13-01']) {
      expect(refusal(raw)).toMatch(/not a calendar date/);
    }
    expect(dob('29/02/1984')).toBe('1984-02-29');
  });

  it('refuses the future, before 1900 and anything it cannot read, saying which formats it accepts', () => {
    expect(refusal('02/06/2025')).toMatch(/in the future/);
    expect(dob('01/06/2025')).toBe('2025-06-01');
    expect(refusal('31/12/1899')).toMatch(/before 1900/);
    for (const raw of ['1985/03/14', '14/03-1985', '19850314', '14 Marchember 1985', 'March 14 1985', '14031985', '', 'yesterday']) {
      const message = refusal(raw);
      expect(message).toMatch(/unrecognised format/);
      expect(message).toContain('YYYY-MM-DD, DD/MM/YYYY (day first) or D MMM YYYY');
    }
  });

  it('every real date reads the same in each accepted format', () => {
    const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    fc.assert(fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-05-31T00:00:00Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString().slice(0, 10);
      const [y, m, day] = iso.split('-') as [string, string, string];
      expect(dob(iso)).toBe(iso);
      expect(dob(`${day}/${m}/${y}`)).toBe(iso);
      expect(dob(`${Number(day)}/${Number(m)}/${y}`)).toBe(iso);
      expect(dob(`${Number(day)} ${MONTHS[Number(m) - 1]} ${y}`)).toBe(iso);
    }), { numRuns: 300 });
  });
});
