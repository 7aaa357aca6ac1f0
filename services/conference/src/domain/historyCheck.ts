import type { Principal } from '@convene/shared/auth';
import type { DataOf, StaffMember } from '@convene/shared/contracts';

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
