import type { Principal } from '@convene/shared/auth';
import { forbidden } from '@convene/shared/errors';
import { isMember, type Meeting } from './meeting.js';

/**
 * May this person see this case? The partnership's chairs (coordinators) may, to prepare agendas; anyone
 * else only through an invitation to a meeting that has the case on its agenda.
 */
export function assertCaseAccess(principal: Principal, caseRef: string, meetingsWithCase: Meeting[]): void {
  if (principal.role === 'chair') return;
  if (meetingsWithCase.some((m) => m.agenda.includes(caseRef) && isMember(m, principal))) return;
  throw forbidden(`you are not invited to a meeting that has ${caseRef} on its agenda`);
}

export function assertMeetingAccess(principal: Principal, meeting: Meeting): void {
  if (!isMember(meeting, principal)) throw forbidden(`you are not invited to meeting ${meeting.meetingId}`);
}
