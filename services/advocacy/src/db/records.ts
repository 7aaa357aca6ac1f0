import { Schema, type Connection } from 'mongoose';
import type { CaseEvent, Subject } from '@convene/shared/contracts';
import { modelOf, upsertById } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';
import { createConsentRegister, type PersonIdsOf } from './consentRegister.js';

/**
 * The advocacy read model: one document per record, current state only. An engagement carries its consent,
 * the victim's latest view and their current safety plan.
 */
export interface AdvocacyRecord {
  _id: string;
  kind: 'engagement' | 'diary_entry' | 'referral';
  subjects: Subject[];
  occurredAt: Date;
  status?: string;
  detail: Record<string, unknown>;
  eventIds: string[];
}

const recordSchema = new Schema<AdvocacyRecord>({
  _id: { type: String, required: true },
  kind: { type: String, required: true },
  subjects: { type: Schema.Types.Mixed, required: true },
  occurredAt: { type: Date, required: true },
  status: String,
  detail: { type: Schema.Types.Mixed, default: {} },
  eventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'records', minimize: false });
recordSchema.index({ kind: 1, occurredAt: -1 });

export function createAdvocacyRecords(db: Connection, personIdsOf: PersonIdsOf) {
  const model = modelOf(db, 'AdvocacyRecord', recordSchema);
  const consents = createConsentRegister(db, personIdsOf);

  async function upsert(ref: string, event: CaseEvent, kind: AdvocacyRecord['kind'], set: Partial<AdvocacyRecord>) {
    await upsertById(model, ref, { setOnInsert: { kind, subjects: event.subjects, occurredAt: new Date(event.occurredat) }, set, addToSet: { eventIds: event.id } });
  }

  async function projectRecord(event: CaseEvent): Promise<void> {
    switch (event.type) {
      case 'advocacy.victim.engaged.v1':
        // All on insert: applying it again must not undo a later revocation, view or plan.
        await model.updateOne({ _id: event.data.engagementRef }, {
          $setOnInsert: { kind: 'engagement', subjects: event.subjects, occurredAt: new Date(event.occurredat), status: 'active', detail: { ...event.data, sharing: event.sharing } },
          $addToSet: { eventIds: event.id },
        }, { upsert: true });
        return;
      case 'advocacy.consent.revoked.v1':
        await model.updateOne({ _id: event.data.engagementRef }, { $set: { status: 'revoked', 'detail.revokedOn': event.data.revokedOn }, $addToSet: { eventIds: event.id } });
        return;
      // The victim's latest view and safety plan are part of their engagement.
      case 'advocacy.victim.view.recorded.v1': {
        const { engagementRef, ...view } = event.data;
        await model.updateOne({ _id: engagementRef }, { $set: { 'detail.latestView': { ...view, occurredAt: event.occurredat, eventId: event.id } }, $addToSet: { eventIds: event.id } });
        return;
      }
      case 'advocacy.safety_plan.updated.v1': {
        const { engagementRef, ...plan } = event.data;
        await model.updateOne({ _id: engagementRef }, { $set: { 'detail.safetyPlan': { ...plan, occurredAt: event.occurredat, eventId: event.id } }, $addToSet: { eventIds: event.id } });
        return;
      }
      case 'advocacy.diary.entry.v1':
        return upsert(event.data.entryRef, event, 'diary_entry', { detail: { ...event.data, sharing: event.sharing } });
      case 'advocacy.referral.made.v1':
        return upsert(event.data.referralRef, event, 'referral', { detail: { criterion: event.data.criterion } });
      default:
        return;
    }
  }

  /** Apply one advocacy event to the records and the consent register. Both are idempotent. */
  async function project(event: CaseEvent): Promise<void> {
    await projectRecord(event);
    await consents.project(event);
  }

  async function get(ref: string, kind: AdvocacyRecord['kind']): Promise<AdvocacyRecord> {
    const record = await model.findOne({ _id: ref, kind }).lean<AdvocacyRecord>();
    if (!record) throw notFound(kind.replace('_', ' '), ref);
    return record;
  }

  return { model, project, get, consents };
}

export type AdvocacyRecords = ReturnType<typeof createAdvocacyRecords>;
