/**
 * 0 → "a", 25 → "z", 26 → "ba": a distinct name part of letters only for each number, since names are
 * normalised to letters before they are tokenised (digits would make many people one).
 */
export function letters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}
