import type { Recorder } from '@convene/shared/eventlog';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import type { ChronologyStore } from '../db/chronologies.js';
import type { AuditRecorder } from '../domain/auditing.js';
import type { Areas } from '../domain/areas.js';

export interface ConferenceDeps {
  cases: CaseStore;
  meetings: MeetingStore;
  chronologies: ChronologyStore;
  recorder: Recorder;
  audit: AuditRecorder;
  repeatWindowMonths: number;
  /** The areas served: each person, case and meeting belongs to one, and sees only its own. */
  areas: Areas;
  /** CASE_ACCESS_AFTER_MEETING_DAYS: how long an invitation opens a meeting's cases after the meeting ends. */
  caseAccessAfterMeetingDays: number;
  /** Retention of a closed case: the default, and the most a chair may set when closing one. */
  retention: { defaultDays: number; maxDays: number };
  now?: () => Date;
}
