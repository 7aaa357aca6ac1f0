import type { CaseEvent } from '@convene/shared/contracts';
import type { RecordFold } from '@convene/shared/mongo';
import type { AdvocacyRecord } from '../db/records.js';

type Fields = Partial<Omit<AdvocacyRecord, '_id' | 'kind' | 'eventIds'>>;

/** The record as it was, with these fields set; a new one of this kind if there was none. */
function upsert(record: AdvocacyRecord | undefined, ref: string, event: CaseEvent, kind: AdvocacyRecord['kind'], set: Fields): AdvocacyRecord {
  return { ...(record ?? { _id: ref, kind, subjects: event.subjects, occurredAt: new Date(event.occurredat), detail: {}, eventIds: [] }), ...set };
}

/** The engagement with these details added; of an engagement this service does not hold, nothing is recorded. */
function withDetail(record: AdvocacyRecord | undefined, detail: Record<string, unknown>, status?: string): AdvocacyRecord | undefined {
  return record && { ...record, ...(status ? { status } : {}), detail: { ...record.detail, ...detail } };
}

/** Which advocacy record an event concerns: its engagement, diary entry or referral. */
function refOf(event: CaseEvent): string | undefined {
  switch (event.type) {
    case 'advocacy.victim.engaged.v1':
    case 'advocacy.consent.revoked.v1':
    case 'advocacy.victim.view.recorded.v1':
    case 'advocacy.safety_plan.updated.v1':
    case 'advocacy.household.recorded.v1':
    case 'advocacy.safe_contact.recorded.v1': return event.data.engagementRef;
    case 'advocacy.diary.entry.v1': return event.data.entryRef;
    case 'advocacy.referral.made.v1': return event.data.referralRef;
    default: return undefined;
  }
}

/** The advocacy read model, one record per engagement, diary entry or referral: current state only. */
function evolve(record: AdvocacyRecord | undefined, event: CaseEvent): AdvocacyRecord | undefined {
  const ref = refOf(event);
  if (ref === undefined) return record;
  switch (event.type) {
    case 'advocacy.victim.engaged.v1':
      // Only a new engagement is set up: applying it again must not undo a later revocation, view or plan.
      return record ?? {
        _id: ref, kind: 'engagement', subjects: event.subjects, occurredAt: new Date(event.occurredat), status: 'active',
        detail: { ...event.data, sharing: event.sharing }, eventIds: [],
      };
    case 'advocacy.consent.revoked.v1':
      return withDetail(record, { revokedOn: event.data.revokedOn }, 'revoked');
    // The victim's latest view, safety plan, household and safe contact are part of their engagement.
    case 'advocacy.victim.view.recorded.v1': {
      const { engagementRef: _, ...view } = event.data;
      return withDetail(record, { latestView: { ...view, occurredAt: event.occurredat, eventId: event.id } });
    }
    case 'advocacy.safety_plan.updated.v1': {
      const { engagementRef: _, ...plan } = event.data;
      return withDetail(record, { safetyPlan: { ...plan, occurredAt: event.occurredat, eventId: event.id } });
    }
    case 'advocacy.household.recorded.v1': {
      const { engagementRef: _, ...household } = event.data;
      return withDetail(record, { household: { ...household, occurredAt: event.occurredat, eventId: event.id } });
    }
    case 'advocacy.safe_contact.recorded.v1': {
      const { engagementRef: _, ...contact } = event.data;
      return withDetail(record, { safeContact: { ...contact, audience: event.audience ?? [], occurredAt: event.occurredat, eventId: event.id } });
    }
    case 'advocacy.diary.entry.v1':
      return upsert(record, ref, event, 'diary_entry', { detail: { ...event.data, sharing: event.sharing } });
    case 'advocacy.referral.made.v1':
      return upsert(record, ref, event, 'referral', { detail: { criterion: event.data.criterion } });
    default:
      return record;
  }
}

export const advocacyRecords: RecordFold<AdvocacyRecord> = { refOf, evolve };
