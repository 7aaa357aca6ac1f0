import { Schema, type Connection } from 'mongoose';
import type { Subject } from '@convene/shared/contracts';
import { createRecordStore, modelOf } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';
import { policeRecords } from '../domain/records.js';

/** The police read model: one document per record (incident, assessment, order…), current state only. */
export interface PoliceRecord {
  _id: string;
  kind: 'incident' | 'assessment' | 'arrest' | 'bail' | 'spo' | 'spo_consideration' | 'referral';
  subjects: Subject[];
  occurredAt: Date;
  status?: string;
  offenceClass?: string;
  detail: Record<string, unknown>;
  breaches?: { eventId: string; at: string }[];
  eventIds: string[];
}

const recordSchema = new Schema<PoliceRecord>({
  _id: { type: String, required: true },
  kind: { type: String, required: true },
  subjects: { type: Schema.Types.Mixed, required: true },
  occurredAt: { type: Date, required: true },
  status: String,
  offenceClass: String,
  detail: { type: Schema.Types.Mixed, default: {} },
  breaches: { type: Schema.Types.Mixed },
  eventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'records', minimize: false });
recordSchema.index({ kind: 1, occurredAt: -1 });

export function createPoliceRecords(db: Connection) {
  const model = modelOf(db, 'PoliceRecord', recordSchema);

  const store = createRecordStore(model, policeRecords);

  async function get(ref: string, kind: PoliceRecord['kind']): Promise<PoliceRecord> {
    const record = await model.findOne({ _id: ref, kind }).lean<PoliceRecord>();
    if (!record) throw notFound(kind, ref);
    return record;
  }

  return { model, project: store.project, get };
}

export type PoliceRecords = ReturnType<typeof createPoliceRecords>;
