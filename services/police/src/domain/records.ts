import type { CaseEvent } from '@convene/shared/contracts';
import type { RecordFold } from '@convene/shared/mongo';
import type { PoliceRecord } from '../db/records.js';

type Fields = Partial<Omit<PoliceRecord, '_id' | 'kind' | 'eventIds'>>;

/** The record as it was, with these fields set; a new one of this kind if there was none. */
function upsert(record: PoliceRecord | undefined, ref: string, event: CaseEvent, kind: PoliceRecord['kind'], set: Fields): PoliceRecord {
  return { ...(record ?? { _id: ref, kind, subjects: event.subjects, occurredAt: new Date(event.occurredat), detail: {}, eventIds: [] }), ...set };
}

/** A breach joins the order (or bail) it breaks; of one this service does not hold, nothing is recorded. */
function withBreach(record: PoliceRecord | undefined, eventId: string, at: string): PoliceRecord | undefined {
  return record && { ...record, breaches: [...(record.breaches ?? []), { eventId, at }] };
}

/** Which police record an event concerns: its incident, assessment, order… by the reference it carries. */
function refOf(event: CaseEvent): string | undefined {
  switch (event.type) {
    case 'police.incident.recorded.v1': return event.data.incidentRef;
    case 'police.classification.changed.v1': return event.data.crimeRef;
    case 'police.risk.assessed.v1': return event.data.assessmentRef;
    case 'police.arrest.made.v1': return event.data.arrestRef;
    case 'police.bail.set.v1':
    case 'police.bail.breached.v1': return event.data.bailRef;
    case 'police.spo.applied.v1':
    case 'police.spo.granted.v1':
    case 'police.spo.breached.v1': return event.data.orderRef;
    case 'police.spo.considered.v1': return event.data.considerationRef;
    case 'police.referral.made.v1': return event.data.referralRef;
    default: return undefined;
  }
}

/** The police read model, one record per incident, assessment, order…: current state only. */
function evolve(record: PoliceRecord | undefined, event: CaseEvent): PoliceRecord | undefined {
  const ref = refOf(event);
  if (ref === undefined) return record;
  switch (event.type) {
    case 'police.incident.recorded.v1':
      return upsert(record, ref, event, 'incident', { offenceClass: event.data.offenceClass, detail: { ...event.data, sharing: event.sharing } });
    case 'police.classification.changed.v1':
      return record && { ...record, offenceClass: event.data.to };
    case 'police.risk.assessed.v1':
      return upsert(record, ref, event, 'assessment', { status: event.data.outcome, detail: event.data });
    case 'police.arrest.made.v1':
      return upsert(record, ref, event, 'arrest', { offenceClass: event.data.offenceClass, detail: event.data });
    case 'police.bail.set.v1':
      return upsert(record, ref, event, 'bail', { detail: event.data });
    case 'police.spo.applied.v1':
      return upsert(record, ref, event, 'spo', { status: 'applied', detail: { kind: event.data.kind } });
    case 'police.spo.granted.v1':
      return upsert(record, ref, event, 'spo', { status: 'granted', detail: { kind: event.data.kind, conditions: event.data.conditions, expiresOn: event.data.expiresOn } });
    case 'police.spo.breached.v1':
      return withBreach(record, event.id, event.data.breachedAt);
    case 'police.bail.breached.v1':
      return withBreach(record, event.id, event.data.breachedAt);
    case 'police.spo.considered.v1':
      return upsert(record, ref, event, 'spo_consideration', { status: event.data.decision, detail: event.data });
    case 'police.referral.made.v1':
      return upsert(record, ref, event, 'referral', { detail: { criterion: event.data.criterion } });
    default:
      return record;
  }
}

export const policeRecords: RecordFold<PoliceRecord> = { refOf, evolve };
