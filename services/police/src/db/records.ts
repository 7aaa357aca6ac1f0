import { Schema, type Connection } from 'mongoose';
import type { CaseEvent, Subject } from '@convene/shared/contracts';
import { modelOf, upsertById } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';

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

  async function upsert(ref: string, event: CaseEvent, kind: PoliceRecord['kind'], set: Partial<PoliceRecord>) {
    await upsertById(model, ref, { setOnInsert: { kind, subjects: event.subjects, occurredAt: new Date(event.occurredat) }, set, addToSet: { eventIds: event.id } });
  }

  /** Apply one police event. $set and $addToSet make a second application change nothing. */
  /** A breach joins the order (or bail) it breaks: its event, and when. */
  async function addBreach(ref: string, eventId: string, at: string): Promise<void> {
    await model.updateOne({ _id: ref }, { $addToSet: { eventIds: eventId, breaches: { eventId, at } } });
  }

  async function project(event: CaseEvent): Promise<void> {
    switch (event.type) {
      case 'police.incident.recorded.v1':
        return upsert(event.data.incidentRef, event, 'incident', { offenceClass: event.data.offenceClass, detail: { ...event.data, sharing: event.sharing } });
      case 'police.classification.changed.v1':
        await model.updateOne({ _id: event.data.crimeRef }, { $set: { offenceClass: event.data.to }, $addToSet: { eventIds: event.id } });
        return;
      case 'police.risk.assessed.v1':
        return upsert(event.data.assessmentRef, event, 'assessment', { status: event.data.outcome, detail: event.data });
      case 'police.arrest.made.v1':
        return upsert(event.data.arrestRef, event, 'arrest', { offenceClass: event.data.offenceClass, detail: event.data });
      case 'police.bail.set.v1':
        return upsert(event.data.bailRef, event, 'bail', { detail: event.data });
      case 'police.spo.applied.v1':
        return upsert(event.data.orderRef, event, 'spo', { status: 'applied', detail: { kind: event.data.kind } });
      case 'police.spo.granted.v1':
        return upsert(event.data.orderRef, event, 'spo', { status: 'granted', detail: { kind: event.data.kind, conditions: event.data.conditions, expiresOn: event.data.expiresOn } });
      case 'police.spo.breached.v1':
        return addBreach(event.data.orderRef, event.id, event.data.breachedAt);
      case 'police.bail.breached.v1':
        return addBreach(event.data.bailRef, event.id, event.data.breachedAt);
      case 'police.spo.considered.v1':
        return upsert(event.data.considerationRef, event, 'spo_consideration', { status: event.data.decision, detail: event.data });
      case 'police.referral.made.v1':
        return upsert(event.data.referralRef, event, 'referral', { detail: { criterion: event.data.criterion } });
      default:
        return;
    }
  }

  async function get(ref: string, kind: PoliceRecord['kind']): Promise<PoliceRecord> {
    const record = await model.findOne({ _id: ref, kind }).lean<PoliceRecord>();
    if (!record) throw notFound(kind, ref);
    return record;
  }

  return { model, project, get };
}

export type PoliceRecords = ReturnType<typeof createPoliceRecords>;
