import type { Principal } from '@convene/shared/auth';

/** What the HTTP layer tells the audit log: who did what to which case, and why. No personal data. */
export interface AuditNote {
  action: string;
  purpose: string;
  caseRef?: string;
  meetingId?: string;
  requestRef?: string;
  outcome?: 'allowed' | 'denied';
}

export type AuditRecorder = (principal: Principal, note: AuditNote) => Promise<void>;
