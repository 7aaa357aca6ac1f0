import { z } from 'zod';
import { normaliseName } from '../link-tokens/index.js';

/** Why two people an agency holds may be one: a one-letter slip, an initial for a forename, or names swapped. */
export const MatchReason = z.enum(['one_letter', 'initial', 'swapped']);
export type MatchReason = z.infer<typeof MatchReason>;

export interface NamedPerson {
  given: string;
  family: string;
  /** Normalised YYYY-MM-DD, as the people store keeps it. */
  dateOfBirth: string;
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b, counted up to `limit` + 1. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    if (Math.min(...current) > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

const isInitialOf = (initial: string, name: string) => initial.length === 1 && name.length > 1 && name.startsWith(initial);

function normalised(name: string): string | undefined {
  try {
    return normaliseName(name);
  } catch {
    return undefined; // a name that cannot be normalised matches nothing
  }
}

/**
 * Whether two people with the same date of birth may be one person written differently — the cases exact
 * link tokens miss: a one-letter slip across forename and surname (O'Neil / ONeill, Jon / John, Jonh / John),
 * a forename given as its initial (J Smith / John Smith), forename and surname swapped. Exact equals are not
 * a *possible* match (they already share a token), nor is anything looser: a person confirms each match.
 */
export function possibleMatch(a: NamedPerson, b: NamedPerson): MatchReason | undefined {
  if (a.dateOfBirth !== b.dateOfBirth) return undefined;
  const [ga, fa, gb, fb] = [a.given, a.family, b.given, b.family].map(normalised);
  if (!ga || !fa || !gb || !fb) return undefined;
  if (ga === gb && fa === fb) return undefined;
  if (ga === fb && fa === gb) return 'swapped';
  if (fa === fb && (isInitialOf(ga, gb) || isInitialOf(gb, ga))) return 'initial';
  if (editDistance(ga, gb, 1) + editDistance(fa, fb, 1) <= 1) return 'one_letter';
  return undefined;
}
