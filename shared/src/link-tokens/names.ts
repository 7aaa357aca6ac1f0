import { LinkTokenError } from './errors.js';

// Apostrophes (' ’ ‘ ‛ ʼ ʻ ` ´ ′ and full-width ') and full stops vanish, so O'Neil, O’NEIL, O.Neil and
// ONeil are one name: agencies drop them as often as they keep them.
const VANISHING = /['\u2019\u2018\u201B\u02BC\u02BB`\u00B4\u2032\u2035\uFF07.\uFF0E\u2024]/gu;
// Hyphens, dashes and any whitespace separate name parts: O'Neil-Smith and O'Neil Smith are one name.
const SEPARATORS = /[\p{Pd}\s\p{Zs}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;
const ALLOWED = /^[\p{L} ]+$/u;

// Latin letters with no Unicode decomposition, folded to their usual ASCII
// transliteration (as UK systems commonly record them).
const UNDECOMPOSABLE: Record<string, string> = {
  æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', þ: 'th', ŧ: 't',
};
const UNDECOMPOSABLE_RE = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'gu');

/**
 * A name part as the documents state it: a Latin letter first, then letters, apostrophes, full stops, hyphens
 * and spaces; every value it allows is accepted. Letters of other scripts and other apostrophes are accepted
 * too but not stated: patterns with Unicode classes are not portable.
 */
export const NAME_PATTERN = "^[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’. -]*$";

/**
 * Normalises one name part so that "Siobhán O'Neill-Smith", "SIOBHAN  O’NEILL SMITH" and
 * "siobhan oneill smith" are equal: apostrophes and full stops removed (before NFKD, which would turn ´
 * into a space, and after, which turns full-width forms into ASCII), NFKD, combining marks dropped (so
 * á ≡ a), full case fold (ß ≡ ss), the few undecomposable Latin letters folded (ł → l, ø → o, æ → ae, …),
 * hyphens and whitespace → one space, trimmed. Anything else (digits, commas, "|", …) is rejected rather
 * than guessed at, which also keeps the "|"-joined canonical form unambiguous. Throws `invalid_name`.
 */
export function normaliseName(raw: string): string {
  const folded = raw.replace(VANISHING, '').normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD');
  const name = folded
    .replace(VANISHING, '')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_RE, (ch) => UNDECOMPOSABLE[ch] ?? ch)
    .replace(SEPARATORS, ' ')
    .trim();
  if (name === '') throw new LinkTokenError('invalid_name', 'empty after normalisation');
  if (!ALLOWED.test(name)) throw new LinkTokenError('invalid_name', 'unsupported characters');
  return name;
}
