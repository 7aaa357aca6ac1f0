import { DomainError } from '@convene/shared/errors';
import type { EventDraft, HistoryRequestCommand, StaffMember, Subject } from '@convene/shared/contracts';
import type { z } from 'zod';

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

/** What the CPS service knows when a lawyer asks: the suspects' tokens, the case file, the conference case named. */
export interface HistoryRequestState {
  /** Each suspect's link tokens, in the order the request names them. */
  suspects: string[][];
  /** The decisions and hearings filed under the request's URN. */
  caseFile: CaseFileRecord[];
  /** The listing of the conference case the request names, as CPS knows it; undefined when it knows none. */
  namedCase?: { open: boolean; tokens: string[] } | undefined;
  /** The partnership's agreed maximum window. */
  windowMaxMonths: number;
}

export interface RequestHistoryCheck {
  requestRef: string;
  request: z.infer<typeof HistoryRequestCommand>;
  requestedBy: StaffMember;
}

/**
 * Decide a lawyer's history request: within the agreed window, about suspects of the case file named (its victims
 * travel with it), and about a conference case CPS knows is listed about them if one is named. An unknown case
 * and a case about someone else are one refusal, so references cannot be probed. Pure.
 */
export function decideHistoryRequest(command: RequestHistoryCheck, state: HistoryRequestState): EventDraft<'cps.history.requested.v1'>[] {
  const { request } = command;
  if (request.windowMonths !== undefined && request.windowMonths > state.windowMaxMonths) {
    throw new DomainError('window_beyond_agreement', `this partnership's agreement allows a history window of at most ${state.windowMaxMonths} months`, { status: 400, field: 'body.windowMonths' });
  }
  const suspectTokens = suspectTokensFor(state.suspects);
  const victimTokens = caseFileVictims(request.urn, state.suspects, state.caseFile);
  if (request.caseRef && !(state.namedCase?.open && suspectTokens.some((t) => state.namedCase!.tokens.includes(t)))) {
    throw new DomainError('case_not_about_suspect', `${request.caseRef} is not an open conference case about this suspect`, { status: 403, field: 'body.caseRef' });
  }
  return [{
    type: 'cps.history.requested.v1',
    data: {
      requestRef: command.requestRef, urn: request.urn, suspectTokens, victimTokens, lawfulBasis: request.lawfulBasis, purpose: request.purpose,
      ...(request.caseRef ? { caseRef: request.caseRef } : {}), ...(request.windowMonths ? { windowMonths: request.windowMonths } : {}),
      ...(request.officerInCase ? { officerInCase: request.officerInCase } : {}),
      requestedBy: command.requestedBy,
    },
  }];
}
