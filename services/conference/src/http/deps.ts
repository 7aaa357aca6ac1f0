import type { Recorder } from '@convene/shared/agency';
import type { CaseStore } from '../db/cases.js';
import type { MeetingStore } from '../db/meetings.js';
import type { ChronologyStore } from '../db/chronologies.js';
import type { AuditRecorder } from '../domain/auditing.js';

export interface ConferenceDeps {
  cases: CaseStore;
  meetings: MeetingStore;
  chronologies: ChronologyStore;
  recorder: Recorder;
  audit: AuditRecorder;
  repeatWindowMonths: number;
  now?: () => Date;
}
