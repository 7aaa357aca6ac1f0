import { Schema, type Connection } from 'mongoose';
import type { CaseEvent, Subject } from '@convene/shared/contracts';
import { modelOf, upsertById } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';

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

  async function upsert(ref: string, event: CaseEvent, kind: CpsRecord['kind'], set: Partial<CpsRecord>) {
    await upsertById(model, ref, {
      setOnInsert: { kind, subjects: event.subjects, occurredAt: new Date(event.occurredat), sharing: event.sharing, ...(event.subject ? { caseRef: event.subject } : {}) },
      set,
      addToSet: { eventIds: event.id },
    });
  }

  /** Apply one CPS event. $set and $addToSet make a second application change nothing. */
  /** A breach joins the order (or bail) it breaks: its event, and when. */
  async function addBreach(ref: string, eventId: string, at: string): Promise<void> {
    await model.updateOne({ _id: ref }, { $addToSet: { eventIds: eventId, breaches: { eventId, at } } });
  }

  async function project(event: CaseEvent): Promise<void> {
    switch (event.type) {
      case 'cps.history.requested.v1':
        return upsert(event.data.requestRef, event, 'history_request', { status: event.data.lawfulBasis, detail: event.data });
      case 'cps.charging.decided.v1':
        return upsert(event.data.decisionRef, event, 'charging_decision', {
          status: event.data.outcome, ...(event.data.offenceClass ? { offenceClass: event.data.offenceClass } : {}),
          ...(event.data.urn ? { urn: event.data.urn } : {}), detail: event.data,
        });
      case 'cps.hearing.scheduled.v1':
        return upsert(event.data.hearingRef, event, 'hearing', { status: event.data.hearingType, ...(event.data.urn ? { urn: event.data.urn } : {}), detail: event.data });
      case 'cps.case.outcome.v1':
        return upsert(event.data.outcomeRef, event, 'outcome', {
          status: event.data.outcome, ...(event.data.offenceClass ? { offenceClass: event.data.offenceClass } : {}), detail: event.data,
        });
      case 'cps.restraining_order.made.v1':
        return upsert(event.data.orderRef, event, 'restraining_order', { detail: event.data });
      case 'cps.bail.conditions.set.v1':
        return upsert(event.data.bailRef, event, 'bail', { detail: event.data });
      case 'cps.restraining_order.breached.v1':
        return addBreach(event.data.orderRef, event.id, event.data.breachedAt);
      case 'cps.bail.breached.v1':
        return addBreach(event.data.bailRef, event.id, event.data.breachedAt);
      default:
        return;
    }
  }

  async function get(ref: string, kind: CpsRecord['kind']): Promise<CpsRecord> {
    const record = await model.findOne({ _id: ref, kind }).lean<CpsRecord>();
    if (!record) throw notFound(kind.replace(/_/g, ' '), ref);
    return record;
  }

  /** The decisions and hearings filed under this URN; none when the service holds no such case file. */
  async function caseFile(urn: string): Promise<Pick<CpsRecord, '_id' | 'kind' | 'subjects'>[]> {
    return model.find({ urn, kind: { $in: CASE_FILE_KINDS } }, { _id: 1, kind: 1, subjects: 1 }).limit(500).lean<Pick<CpsRecord, '_id' | 'kind' | 'subjects'>[]>();
  }

  return { model, project, get, caseFile };
}

export type CpsRecords = ReturnType<typeof createCpsRecords>;
