import { Schema, type Connection } from 'mongoose';
import type { Subject } from '@convene/shared/contracts';
import { createRecordStore, modelOf } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';
import { cpsRecords } from '../domain/records.js';

/** The CPS read model: one document per record (history request, decision, hearing…), current state only. */
export interface CpsRecord {
  _id: string;
  kind: 'history_request' | 'charging_decision' | 'hearing' | 'outcome' | 'restraining_order' | 'bail';
  subjects: Subject[];
  occurredAt: Date;
  sharing: string;
  caseRef?: string;
  /** The CPS case file (URN) a decision or hearing belongs to. */
  urn?: string;
  status?: string;
  offenceClass?: string;
  detail: Record<string, unknown>;
  /** Breaches of an order or bail conditions, as recorded here. */
  breaches?: { eventId: string; at: string }[];
  eventIds: string[];
}

const recordSchema = new Schema<CpsRecord>({
  _id: { type: String, required: true },
  kind: { type: String, required: true },
  subjects: { type: Schema.Types.Mixed, required: true },
  occurredAt: { type: Date, required: true },
  sharing: { type: String, required: true },
  caseRef: String,
  urn: String,
  status: String,
  offenceClass: String,
  detail: { type: Schema.Types.Mixed, default: {} },
  breaches: { type: Schema.Types.Mixed },
  eventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'records', minimize: false });
recordSchema.index({ kind: 1, occurredAt: -1 });
recordSchema.index({ urn: 1 });

/** The records that make up a case file: what names its suspects and victims. */
const CASE_FILE_KINDS: CpsRecord['kind'][] = ['charging_decision', 'hearing'];

export function createCpsRecords(db: Connection) {
  const model = modelOf(db, 'CpsRecord', recordSchema);

  const store = createRecordStore(model, cpsRecords);

  async function get(ref: string, kind: CpsRecord['kind']): Promise<CpsRecord> {
    const record = await model.findOne({ _id: ref, kind }).lean<CpsRecord>();
    if (!record) throw notFound(kind.replace(/_/g, ' '), ref);
    return record;
  }

  /** The decisions and hearings filed under this URN; none when the service holds no such case file. */
  async function caseFile(urn: string): Promise<Pick<CpsRecord, '_id' | 'kind' | 'subjects'>[]> {
    return model.find({ urn, kind: { $in: CASE_FILE_KINDS } }, { _id: 1, kind: 1, subjects: 1 }).limit(500).lean<Pick<CpsRecord, '_id' | 'kind' | 'subjects'>[]>();
  }

  return { model, project: store.project, get, caseFile };
}

export type CpsRecords = ReturnType<typeof createCpsRecords>;
