import { LinkTokenError } from './errors.js';

/**
 * Standard PNC (and CRO) check-character scheme: the two-digit year followed by
 * the seven-digit zero-padded serial, read as one number, mod 23, indexes this
 * alphabet (I, O and S are omitted to avoid confusion with 1, 0 and 5).
 */
const CHECK_ALPHABET = 'ZABCDEFGHJKLMNPQRTUVWXY';

// With a slash the serial may be short (zero-padded); without one it must be
// the full seven digits so that the year/serial split is unambiguous.
const WITH_SLASH = /^(\d{2}|\d{4})\/(\d{1,7})([A-Z])$/;
const WITHOUT_SLASH = /^(\d{2}|\d{4})(\d{7})([A-Z])$/;

/** The shape of a PNC id, for the documents (upper case; the check letter cannot be a pattern: they name the format `pnc-id` too). */
export const PNC_ID_PATTERN = '^(?:[0-9]{2}|[0-9]{4})(?:/[0-9]{1,7}|[0-9]{7})[A-HJ-NP-RT-Z]$';

export function pncCheckLetter(yy: string, serial7: string): string {
  const letter = CHECK_ALPHABET[Number(`${yy}${serial7}`) % 23];
  if (letter === undefined) throw new Error('unreachable: mod 23 index out of range');
  return letter;
}

/**
 * Accepts "12/345678A", "2012/0345678A", "12 / 0345678 a", "120345678A";
 * returns the canonical "YY/NNNNNNNL" or throws `invalid_pnc_id`.
 */
export function normalisePncId(raw: string): string {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  const match = WITH_SLASH.exec(compact) ?? WITHOUT_SLASH.exec(compact);
  if (!match) throw new LinkTokenError('invalid_pnc_id', 'unrecognised format');
  const [, year = '', serial = '', letter = ''] = match;
  const yy = year.slice(-2);
  const serial7 = serial.padStart(7, '0');
  if (pncCheckLetter(yy, serial7) !== letter) {
    throw new LinkTokenError('invalid_pnc_id', 'check letter mismatch');
  }
  return `${yy}/${serial7}${letter}`;
}
