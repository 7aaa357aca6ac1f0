import type { Principal } from '@convene/shared/auth';
import { actorOf, type AuditPurpose, type AuditTrail } from '@convene/shared/audit';
import { isMember, type Meeting } from './meeting.js';

/** What the HTTP layer tells the audit log: who did what to which case, and why. No personal data. */
export interface AuditNote {
  action: string;
  /** Why: the meeting, history check, disclosure request or scrutiny period the read or write was for. */
  purpose: AuditPurpose;
  caseRef?: string;
  meetingId?: string;
  requestRef?: string;
  outcome?: 'allowed' | 'denied';
}

export type AuditRecorder = (principal: Principal, note: AuditNote) => Promise<void>;

/** Notes from the HTTP and socket layers, as entries of the service's audit trail. */
export function auditRecorderOf(trail: Pick<AuditTrail, 'record'>): AuditRecorder {
  return async (principal, note) => {
    await trail.record({
      actor: actorOf(principal), action: note.action, purpose: note.purpose, outcome: note.outcome ?? 'allowed',
      ...(note.caseRef ? { caseRef: note.caseRef } : {}), ...(note.meetingId ? { meetingId: note.meetingId } : {}), ...(note.requestRef ? { requestRef: note.requestRef } : {}),
    });
  };
}

export const meetingPurpose = (meetingId: string): AuditPurpose => ({ kind: 'meeting', ref: meetingId });

/** A month range as a scrutiny purpose: `2025-04..2026-03`. */
export const scrutinyPurpose = (from: string, to: string): AuditPurpose => ({ kind: 'scrutiny', ref: `${from}..${to}` });

/** When a meeting last mattered: started, else scheduled. */
const recency = (m: Meeting) => Date.parse(m.startedAt ?? m.scheduledFor);

/**
 * Why a case view is being read. The meeting asked for (`?meetingId=`) when the reader chairs or is invited to
 * it and it has the case; else the running meeting with the case that the reader belongs to; else, for a
 * member, the most recent such meeting; a chair reading outside a meeting is coordinating. `denied` when the
 * meeting asked for gives the reader no reason to read this case.
 */
export function caseReadPurpose(principal: Principal, caseRef: string, meetingsWithCase: readonly Meeting[], askedFor?: string): { purpose: AuditPurpose; meetingId?: string; mismatch: boolean } {
  const through = meetingsWithCase.filter((m) => m.agenda.includes(caseRef) && isMember(m, principal));
  if (askedFor) {
    const meeting = through.find((m) => m.meetingId === askedFor);
    return { purpose: meetingPurpose(askedFor), meetingId: askedFor, mismatch: !meeting };
  }
  const running = through.find((m) => m.status === 'running');
  const chosen = running ?? (principal.role === 'chair' ? undefined : [...through].sort((a, b) => recency(b) - recency(a))[0]);
  if (chosen) return { purpose: meetingPurpose(chosen.meetingId), meetingId: chosen.meetingId, mismatch: false };
  return { purpose: principal.role === 'chair' ? { kind: 'coordination' } : { kind: 'none' }, mismatch: false };
}
