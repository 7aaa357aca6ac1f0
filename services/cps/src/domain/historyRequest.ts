import { DomainError } from '@convene/shared/errors';
import type { Subject } from '@convene/shared/contracts';

/** The contract carries at most this many suspect tokens; a person has up to four (nhs, pnc, nd, dp). */
export const MAX_SUSPECT_TOKENS = 16;

/** The contract carries at most this many victim tokens (four victims' identifiers). */
export const MAX_VICTIM_TOKENS = 16;

/** The suspects' tokens for a history request, once each, or a 400 naming the field when there are too many. */
export function suspectTokensFor(tokensPerSuspect: string[][]): string[] {
  const tokens = [...new Set(tokensPerSuspect.flat())];
  if (tokens.length > MAX_SUSPECT_TOKENS) {
    throw new DomainError('too_many_suspect_tokens', `these suspects have ${tokens.length} identifiers between them; a history request carries at most ${MAX_SUSPECT_TOKENS}: ask for fewer suspects at once`, { status: 400, field: 'body.suspects' });
  }
  return tokens;
}

/** One decision or hearing filed under the URN: who it names, in which role. */
export interface CaseFileRecord {
  subjects: Subject[];
}

const tokensIn = (records: CaseFileRecord[], role: Subject['role']) => records.flatMap((r) => r.subjects.filter((s) => s.role === role).flatMap((s) => s.tokens));

/**
 * A lawyer may check only a suspect of a case file the service holds: every suspect asked about must be named
 * as suspect (defendant) in a decision or hearing filed under the URN. The answer is the victims those records
 * name, for the check to share in full only records about them. An unknown URN and a URN that does not name the
 * person are one refusal, so a refusal does not tell which URNs exist.
 */
export function caseFileVictims(urn: string, tokensPerSuspect: string[][], caseFile: CaseFileRecord[]): string[] {
  const about = (tokens: string[]) => caseFile.filter((r) => r.subjects.some((s) => s.role === 'suspect' && s.tokens.some((t) => tokens.includes(t))));
  const unnamed = tokensPerSuspect.findIndex((tokens) => about(tokens).length === 0);
  if (unnamed >= 0) {
    const who = tokensPerSuspect.length > 1 ? `suspect ${unnamed + 1} of this request` : 'this person';
    throw new DomainError(
      'not_a_suspect_in_case_file',
      `this service holds no case file ${urn} naming ${who} as suspect or defendant; a history check is only for a suspect of a CPS case: record the charging decision or hearing with its URN first`,
      { status: 403, field: 'body.urn' },
    );
  }
  // Beyond the cap the rest are left out: their records are then outlined rather than shared, the safe side.
  return [...new Set(tokensIn(tokensPerSuspect.flatMap(about), 'victim'))].slice(0, MAX_VICTIM_TOKENS);
}
