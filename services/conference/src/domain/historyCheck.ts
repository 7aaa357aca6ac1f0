import type { Principal } from '@convene/shared/auth';
import type { DataOf, EventDraft, StaffMember } from '@convene/shared/contracts';

type HistoryRequest = DataOf<'cps.history.requested.v1'>;

/** Why the conference would not open a check; the requester sees it on the chronology. */
export interface CheckRefusal {
  code: 'no_case_file' | 'no_suspect' | 'case_not_about_suspect';
  reason: string;
}

/**
 * Whether a CPS history request may become a check. The CPS service has already checked that each suspect is
 * named in the case file (URN) it holds; the conference checks what only it knows: that the conference case the
 * request names, if any, is one it holds about these suspects. An unknown case and a case about someone else
 * are one refusal, so a refusal does not tell which case references exist.
 *
 * `namedCase` is the conference's case the request names (its suspects' tokens), undefined when it holds none.
 */
export function historyCheckRefusal(request: HistoryRequest, namedCase: { suspectTokens: string[] } | undefined): CheckRefusal | undefined {
  if (!request.urn) {
    return { code: 'no_case_file', reason: 'The request names no CPS case file (URN): a history check is only for a suspect of a CPS case.' };
  }
  if (request.suspectTokens.length === 0) return { code: 'no_suspect', reason: 'The request names no suspect.' };
  if (request.caseRef && !namedCase?.suspectTokens.some((t) => request.suspectTokens.includes(t))) {
    return { code: 'case_not_about_suspect', reason: `${request.caseRef} is not a conference case about this suspect.` };
  }
  return undefined;
}

/** The lawyer who asked, as the audit log names whoever opened (or was refused) a check. */
export function requesterOf(requestedBy: StaffMember): Principal {
  return { sub: requestedBy.userId, role: 'cps', agency: 'cps' };
}

/** What a check records about the request, whether it opens or is refused. */
export interface CheckTerms {
  requestRef: string;
  requestedBy: StaffMember;
  lawfulBasis: HistoryRequest['lawfulBasis'];
  purpose: string;
  urn?: string;
  windowMonths?: number;
  officerInCase?: HistoryRequest['officerInCase'];
  caseRef: string | null;
  openedAt: string;
  expiresAt: string;
}

/** What the conference holds when a request arrives: the check it already made of it, the case the request names. */
export interface HistoryCheckState {
  stored?: { state?: 'open' | 'refused' | undefined } | undefined;
  /** The conference case the request names (its suspects' tokens), undefined when it holds none. */
  namedCase?: { suspectTokens: string[] } | undefined;
}

export type HistoryCheckDecision =
  | { kind: 'kept' }
  | { kind: 'refused'; terms: CheckTerms; refusal: CheckRefusal }
  | { kind: 'opened'; terms: CheckTerms; tokens: string[]; events: EventDraft<'conference.history_check.opened.v1'>[] };

/**
 * Decide what a CPS history request becomes: a check open to the requesting lawyer until it expires, announced to
 * every agency with the suspects' and the case file's victims' tokens; or a refusal kept with its reason. A
 * redelivered request keeps the decision first made, even if the case has changed since. Pure.
 */
export function decideHistoryCheck(
  request: { occurredat: string; data: HistoryRequest },
  state: HistoryCheckState,
  expiryDays: number,
): HistoryCheckDecision {
  const d = request.data;
  if (state.stored?.state === 'refused') return { kind: 'kept' };
  const refusal = state.stored ? undefined : historyCheckRefusal(d, state.namedCase);
  const expiresAt = new Date(new Date(request.occurredat).getTime() + expiryDays * 24 * 3600 * 1000).toISOString();
  const terms: CheckTerms = {
    requestRef: d.requestRef, requestedBy: d.requestedBy, lawfulBasis: d.lawfulBasis, purpose: d.purpose, ...(d.urn ? { urn: d.urn } : {}),
    ...(d.windowMonths ? { windowMonths: d.windowMonths } : {}), ...(d.officerInCase ? { officerInCase: d.officerInCase } : {}),
    caseRef: d.caseRef ?? null, openedAt: request.occurredat, expiresAt,
  };
  if (refusal) return { kind: 'refused', terms, refusal };
  const tokens = [...new Set(d.suspectTokens)];
  return {
    kind: 'opened', terms, tokens,
    events: [{
      type: 'conference.history_check.opened.v1',
      data: {
        requestRef: d.requestRef, suspectTokens: tokens.slice(0, 16), victimTokens: d.victimTokens, lawfulBasis: d.lawfulBasis, purpose: d.purpose,
        requestedBy: d.requestedBy, expiresAt, ...(d.urn ? { urn: d.urn } : {}), ...(d.caseRef ? { caseRef: d.caseRef } : {}),
        ...(d.windowMonths ? { windowMonths: d.windowMonths } : {}), ...(d.officerInCase ? { officerInCase: d.officerInCase } : {}),
      },
    }],
  };
}
