import { Schema, type Connection } from 'mongoose';
import type { AudienceEntry, Sharing, Subject } from '@convene/shared/contracts';
import { createRecordStore, modelOf } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';
import { concernRecords } from '../domain/concernRecords.js';

/**
 * The health read model of concerns: the minimal flag as published, plus the clinical detail, which lives
 * here only and leaves the service solely through a recorded disclosure decision.
 */
export interface Concern {
  _id: string;
  subjects: Subject[];
  subjectRole: string;
  category: string;
  severity: string;
  contact: { service: string; telephone?: string };
  sharing: Sharing;
  audience?: AudienceEntry[];
  occurredAt: Date;
  status: 'open' | 'resolved';
  resolution?: string;
  source: 'api' | 'fhir';
  detail?: string;
  eventIds: string[];
}

/**
 * A document of the collection: a concern, or only what intake kept (source and clinical detail) for one
 * whose flag's event is not recorded yet, with no status.
 */
export type ConcernDocument = Pick<Concern, '_id' | 'eventIds'> & Partial<Concern>;

const concernSchema = new Schema<ConcernDocument>({
  _id: { type: String, required: true },
  subjects: { type: Schema.Types.Mixed },
  subjectRole: String,
  category: String,
  severity: String,
  contact: { type: Schema.Types.Mixed },
  sharing: String,
  audience: { type: Schema.Types.Mixed },
  occurredAt: Date,
  status: String,
  resolution: String,
  source: String,
  detail: String,
  eventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'concerns', minimize: false });
concernSchema.index({ status: 1, occurredAt: -1 });

export function createConcerns(db: Connection) {
  const model = modelOf(db, 'HealthConcern', concernSchema);

  /**
   * Keep the clinical detail before the flag's event is recorded: a crash in between leaves detail with no
   * concern (never shown), rather than a published concern whose detail is lost. Written here, not by an
   * event, so it keeps the record store's terms: the entry lists its events (none yet), and its revision
   * moves, so that a fold in flight on the same concern reads it again rather than overwrite it.
   */
  async function keepDetail(concernRef: string, detail: string | undefined, source: Concern['source']): Promise<void> {
    await model.updateOne(
      { _id: concernRef },
      { $set: { source, ...(detail ? { detail } : {}) }, $setOnInsert: { eventIds: [] }, $inc: { rev: 1 } },
      // `rev` is the store's, not the schema's: not strict, or mongoose would drop it from the update.
      { upsert: true, strict: false },
    );
  }

  const store = createRecordStore(model, concernRecords);

  /** A concern whose flag has been recorded; kept detail without a flag does not count. */
  async function find(concernRef: string): Promise<Concern | undefined> {
    return (await model.findOne({ _id: concernRef, status: { $exists: true } }).lean<Concern>()) ?? undefined;
  }

  async function get(concernRef: string): Promise<Concern> {
    const concern = await find(concernRef);
    if (!concern) throw notFound('concern', concernRef);
    return concern;
  }

  return { model, keepDetail, project: store.project, find, get };
}

export type Concerns = ReturnType<typeof createConcerns>;
