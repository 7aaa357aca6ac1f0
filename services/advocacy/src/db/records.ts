import { Schema, type Connection } from 'mongoose';
import type { CaseEvent, Subject } from '@convene/shared/contracts';
import { createRecordStore, modelOf } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';
import { advocacyRecords } from '../domain/records.js';
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

  const store = createRecordStore(model, advocacyRecords);

  /** Apply one advocacy event to the records and the consent register. Both are idempotent. */
  async function project(event: CaseEvent): Promise<void> {
    await store.project(event);
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
