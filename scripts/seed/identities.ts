/**
 * The people in the demo cases: fictional names, dates of birth, NHS numbers (modulus-11 valid, in the
 * 999 range NHS England keeps for testing), PNC ids (valid check letter) and UK-shaped postcodes. Every
 * agency records the same person with the same identifiers, so their link tokens match across agencies.
 */
import { isValidNhsNumber, pncCheckLetter } from '@convene/shared/link-tokens';
import type { Rng } from './random.js';

export interface Identity {
  given: string;
  family: string;
  dateOfBirth: string;
  nhsNumber: string;
  pncId?: string;
  postcode: string;
}

const GIVEN = [
  'Amira', 'Bethany', 'Chloe', 'Danielle', 'Eilidh', 'Fatima', 'Grace', 'Hannah', 'Imogen', 'Jasmine', 'Kerry', 'Leanne',
  'Maryam', 'Natalie', 'Olivia', 'Parveen', 'Rachel', 'Sana', 'Tanya', 'Uzma', 'Victoria', 'Zoe', 'Aisha', 'Bronwen',
  'Ciara', 'Deborah', 'Joanne', 'Kamala', 'Lucy', 'Megan', 'Nadia', 'Ruth', 'Sian', 'Tom', 'Daniel', 'Owen',
] as const;
const SUSPECT_GIVEN = [
  'Aaron', 'Ben', 'Craig', 'Darren', 'Elliot', 'Gary', 'Imran', 'Jamie', 'Kieran', 'Lee', 'Marcus', 'Nathan', 'Paul',
  'Ryan', 'Shaun', 'Tariq', 'Wayne', 'Adam', 'Connor', 'Dean', 'Jordan', 'Kyle', 'Liam', 'Mohammed', 'Stuart', 'Carly',
] as const;
const FAMILY = [
  'Ahmed', 'Barker', 'Clarke', 'Davies', 'Evans', 'Fletcher', 'Gallagher', 'Hussain', 'Iqbal', 'Jones', 'Kaur', 'Lewis',
  'McAllister', 'Nowak', 'Okonkwo', "O'Brien", 'Patel', 'Quinn', 'Roberts', 'Sharma', 'Thompson', 'Walsh', 'Wright',
  'Young', 'Begum', 'Chaudhry', 'Dunne', 'Hughes', 'Kowalski', 'Mensah', 'Murphy', 'Robinson', 'Szabo', 'Whitaker',
] as const;

// West Yorkshire outward codes; inward codes use only the letters Royal Mail allows there.
const OUTWARD = ['LS1', 'LS4', 'LS6', 'LS7', 'LS8', 'LS9', 'LS11', 'LS12', 'LS13', 'LS17', 'BD3', 'BD7', 'BD9', 'WF1', 'WF2', 'HX1', 'HD1'] as const;
const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** The tenth digit of an NHS number for its first nine, or null when the nine have no valid check digit. */
export function nhsCheckDigit(nine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

/** A valid NHS number in the 999 test range, as "999 123 4567". */
export function nhsNumber(rng: Rng): string {
  for (;;) {
    const nine = `999${String(rng.int(0, 999_999)).padStart(6, '0')}`;
    const check = nhsCheckDigit(nine);
    if (check === null) continue;
    const digits = `${nine}${check}`;
    if (!isValidNhsNumber(digits)) continue;
    return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  }
}

/** A PNC id with its check letter, as "YY/NNNNNNNL": the year of a first arrest (at 16 or older, by 2023), then the serial. */
export function pncId(rng: Rng, bornIn: number): string {
  const yy = String(rng.int(Math.max(2000, bornIn + 16), 2023) % 100).padStart(2, '0');
  const serial = String(rng.int(1, 999_999)).padStart(7, '0');
  return `${yy}/${serial}${pncCheckLetter(yy, serial)}`;
}

export function postcode(rng: Rng): string {
  const inward = `${rng.int(1, 9)}${rng.pick([...INWARD_LETTERS])}${rng.pick([...INWARD_LETTERS])}`;
  return `${rng.pick(OUTWARD)} ${inward}`;
}

/** Fixed years, not relative to today, so a person is the same person on every run. */
function dateOfBirth(rng: Rng, fromYear: number, toYear: number): string {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type PersonKind = 'victim' | 'suspect' | 'child';

/**
 * Hands out identities by key, never the same name and date of birth, NHS number, PNC id, or date of birth
 * and postcode twice (any of those would link two strangers' records).
 */
export class IdentityBook {
  private readonly byKey = new Map<string, Identity>();
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  get(key: string): Identity {
    const found = this.byKey.get(key);
    if (!found) throw new Error(`no identity ${key}`);
    return found;
  }

  all(): [string, Identity][] {
    return [...this.byKey.entries()];
  }

  /** The person with this key, made on first use; `home` shares a postcode with another person (a household). */
  person(key: string, kind: PersonKind, options: { home?: string; withPnc?: boolean } = {}): Identity {
    const existing = this.byKey.get(key);
    if (existing) return existing;
    const rng = this.rng.forKey(key);
    for (let attempt = 0; attempt < 200; attempt++) {
      const given = rng.pick(kind === 'suspect' ? SUSPECT_GIVEN : GIVEN);
      const family = rng.pick(FAMILY);
      const dob = kind === 'child' ? dateOfBirth(rng, 2012, 2020) : kind === 'suspect' ? dateOfBirth(rng, 1968, 2003) : dateOfBirth(rng, 1964, 2005);
      const identity: Identity = {
        given, family, dateOfBirth: dob, nhsNumber: nhsNumber(rng),
        ...(options.withPnc ?? kind === 'suspect' ? { pncId: pncId(rng, Number(dob.slice(0, 4))) } : {}),
        postcode: options.home ? this.get(options.home).postcode : postcode(rng),
      };
      const keys = [
        `nd:${given}|${family}|${dob}`, `nhs:${identity.nhsNumber}`, `dp:${dob}|${identity.postcode}`,
        ...(identity.pncId ? [`pnc:${identity.pncId}`] : []),
      ];
      if (keys.some((k) => this.used.has(k))) continue;
      for (const k of keys) this.used.add(k);
      this.byKey.set(key, identity);
      return identity;
    }
    throw new Error(`could not make a distinct identity for ${key}`);
  }
}
