import { LinkTokenError } from './errors.js';

// Hyphen/dash punctuation, apostrophe variants (' ’ ‘ ʼ `), full stops and
// any whitespace all collapse to a single separating space.
const SEPARATORS = /[\p{Pd}'\u2019\u2018\u02BC`.\s\p{Zs}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const ALLOWED = /^[\p{L} ]+$/u;

// Latin letters with no Unicode decomposition, folded to their usual ASCII
// transliteration (as UK systems commonly record them).
const UNDECOMPOSABLE: Record<string, string> = {
  æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', þ: 'th', ŧ: 't',
};
const UNDECOMPOSABLE_RE = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'gu');

/**
 * Normalises one name part so that "Siobhán O'Neill-Smith",
 * "SIOBHAN  O’NEILL SMITH" and "siobhan o neill smith" are equal:
 * NFKD, drop combining marks, full case fold (so ß ≡ ss), fold the few
 * undecomposable Latin letters (ł → l, ø → o, æ → ae, …), separators → one
 * space, trim. Anything other than letters and separators (digits, commas,
 * "|", …) is rejected rather than guessed at, which also keeps the "|"-joined
 * canonical form unambiguous. Throws `invalid_name`.
 */
export function normaliseName(raw: string): string {
  const folded = raw.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD');
  const name = folded
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .replace(SEPARATORS, ' ')
    .trim();
  if (name === '') throw new LinkTokenError('invalid_name', 'empty after normalisation');
  if (!ALLOWED.test(name)) throw new LinkTokenError('invalid_name', 'unsupported characters');
  return name;
}
