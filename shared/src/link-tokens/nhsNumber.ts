import { LinkTokenError } from './errors.js';

/**
 * The shape of an NHS number, for the documents: the check digit (modulus 11) cannot be a pattern, so they name
 * the format too (`nhs-number`), for generators that can be taught it.
 */
export const NHS_NUMBER_PATTERN = '^[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}$';

/** Strips spaces and hyphens; returns null unless exactly 10 digits remain. */
function digitsOf(raw: string): string | null {
  const stripped = raw.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(stripped) ? stripped : null;
}

/**
 * NHS modulus-11 check: weights 10..2 over the first nine digits,
 * check = 11 - (sum mod 11); 11 means 0, 10 means the number is invalid.
 */
function hasValidCheckDigit(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/**
 * Placeholder values such as 0000000000 or 1111111111 pass modulus 11 but are
 * "unknown" markers in source systems; tokenising them would link strangers.
 */
function isRepeatedDigit(digits: string): boolean {
  return /^(\d)\1{9}$/.test(digits);
}

export function isValidNhsNumber(raw: string): boolean {
  if (typeof raw !== 'string') return false;
  const digits = digitsOf(raw);
  return digits !== null && !isRepeatedDigit(digits) && hasValidCheckDigit(digits);
}

/** Returns the 10-digit NHS number or throws `invalid_nhs_number`. */
export function normaliseNhsNumber(raw: string): string {
  const digits = digitsOf(raw);
  if (digits === null) throw new LinkTokenError('invalid_nhs_number', 'expected 10 digits');
  if (isRepeatedDigit(digits)) throw new LinkTokenError('invalid_nhs_number', 'placeholder number');
  if (!hasValidCheckDigit(digits)) throw new LinkTokenError('invalid_nhs_number', 'check digit mismatch');
  return digits;
}
