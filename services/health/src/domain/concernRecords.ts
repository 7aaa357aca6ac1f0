import type { CaseEvent } from '@convene/shared/contracts';
import type { RecordFold } from '@convene/shared/mongo';
import type { ConcernDocument } from '../db/concerns.js';

/** Which concern an event concerns. */
function refOf(event: CaseEvent): string | undefined {
  switch (event.type) {
    case 'health.concern.flagged.v1':
    case 'health.concern.updated.v1':
    case 'health.concern.resolved.v1': return event.data.concernRef;
    default: return undefined;
  }
}

/**
 * The health read model of concerns: the flag as published, and its current category, severity and status.
 * What intake kept before the flag was recorded (its source and clinical detail) is never an event's to
 * change: every case keeps the fields it does not set.
 */
function evolve(record: ConcernDocument | undefined, event: CaseEvent): ConcernDocument | undefined {
  switch (event.type) {
    case 'health.concern.flagged.v1': {
      const { concernRef, subjectRole, category, severity, contact } = event.data;
      return {
        ...record, _id: concernRef, source: record?.source ?? 'api', eventIds: record?.eventIds ?? [],
        subjects: event.subjects, subjectRole, category, severity, contact, sharing: event.sharing, occurredAt: new Date(event.occurredat),
        ...(event.audience ? { audience: event.audience } : {}),
        // A concern is opened once: flagging it again never reopens a resolved one.
        status: record?.status ?? 'open',
      };
    }
    case 'health.concern.updated.v1': {
      const { category, severity } = event.data;
      return record && { ...record, ...(category ? { category } : {}), ...(severity ? { severity } : {}) };
    }
    case 'health.concern.resolved.v1':
      return record && { ...record, status: 'resolved', resolution: event.data.resolution };
    default:
      return record;
  }
}

export const concernRecords: RecordFold<ConcernDocument> = { refOf, evolve };
