import type { CaseEvent } from '@convene/shared/contracts';
import type { RecordFold } from '@convene/shared/mongo';
import type { CpsRecord } from '../db/records.js';

type Fields = Partial<Omit<CpsRecord, '_id' | 'kind' | 'eventIds'>>;

/** The record as it was, with these fields set; a new one of this kind (filed under its case) if there was none. */
function upsert(record: CpsRecord | undefined, ref: string, event: CaseEvent, kind: CpsRecord['kind'], set: Fields): CpsRecord {
  const created: CpsRecord = {
    _id: ref, kind, subjects: event.subjects, occurredAt: new Date(event.occurredat), sharing: event.sharing, detail: {}, eventIds: [],
    ...(event.subject ? { caseRef: event.subject } : {}),
  };
  return { ...(record ?? created), ...set };
}

/** A breach joins the order (or bail) it breaks; of one this service does not hold, nothing is recorded. */
function withBreach(record: CpsRecord | undefined, eventId: string, at: string): CpsRecord | undefined {
  return record && { ...record, breaches: [...(record.breaches ?? []), { eventId, at }] };
}

/** Which CPS record an event concerns, by the reference it carries. */
function refOf(event: CaseEvent): string | undefined {
  switch (event.type) {
    case 'cps.history.requested.v1': return event.data.requestRef;
    case 'cps.charging.decided.v1': return event.data.decisionRef;
    case 'cps.hearing.scheduled.v1': return event.data.hearingRef;
    case 'cps.case.outcome.v1': return event.data.outcomeRef;
    case 'cps.restraining_order.made.v1':
    case 'cps.restraining_order.breached.v1': return event.data.orderRef;
    case 'cps.bail.conditions.set.v1':
    case 'cps.bail.breached.v1': return event.data.bailRef;
    default: return undefined;
  }
}

/** The CPS read model, one record per history request, decision, hearing, order…: current state only. */
function evolve(record: CpsRecord | undefined, event: CaseEvent): CpsRecord | undefined {
  const ref = refOf(event);
  if (ref === undefined) return record;
  switch (event.type) {
    case 'cps.history.requested.v1':
      return upsert(record, ref, event, 'history_request', { status: event.data.lawfulBasis, detail: event.data });
    case 'cps.charging.decided.v1':
      return upsert(record, ref, event, 'charging_decision', {
        status: event.data.outcome, ...(event.data.offenceClass ? { offenceClass: event.data.offenceClass } : {}),
        ...(event.data.urn ? { urn: event.data.urn } : {}), detail: event.data,
      });
    case 'cps.hearing.scheduled.v1':
      return upsert(record, ref, event, 'hearing', { status: event.data.hearingType, ...(event.data.urn ? { urn: event.data.urn } : {}), detail: event.data });
    case 'cps.case.outcome.v1':
      return upsert(record, ref, event, 'outcome', { status: event.data.outcome, ...(event.data.offenceClass ? { offenceClass: event.data.offenceClass } : {}), detail: event.data });
    case 'cps.restraining_order.made.v1':
      return upsert(record, ref, event, 'restraining_order', { detail: event.data });
    case 'cps.bail.conditions.set.v1':
      return upsert(record, ref, event, 'bail', { detail: event.data });
    case 'cps.restraining_order.breached.v1':
      return withBreach(record, event.id, event.data.breachedAt);
    case 'cps.bail.breached.v1':
      return withBreach(record, event.id, event.data.breachedAt);
    default:
      return record;
  }
}

export const cpsRecords: RecordFold<CpsRecord> = { refOf, evolve };
