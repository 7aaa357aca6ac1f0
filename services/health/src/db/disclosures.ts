import { Schema, type Connection } from 'mongoose';
import type { AudienceEntry, EventOfType, LegalGateway, StaffMember } from '@convene/shared/contracts';
import { createRecordStore, modelOf } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';
import { disclosureRecords } from '../domain/disclosureRecords.js';

/** One entry in the Caldicott guardian's queue: a partner's request to see a concern's detail. */
export interface DisclosureRequest {
  _id: string;
  caseRef: string;
  concernRef: string;
  requestedBy: StaffMember;
  reason: string;
  proposedAudience: AudienceEntry[];
  requestedAt: Date;
  /** The conference event that asked, and the health event that acknowledged it. */
  receivedEventId: string;
  acknowledgedEventId?: string;
  status: 'pending' | 'disclosed' | 'refused';
  decided: boolean;
  decision?: {
    reason: string;
    decidedBy: StaffMember;
    decidedAt: Date;
    audience?: AudienceEntry[];
    /** The gateway a disclosure relies on (none on a refusal, nor on a disclosure recorded before gateways were). */
    legalGateway?: LegalGateway;
    eventId: string;
  };
  /** Every event folded into the entry: the request, its acknowledgement, its decision. */
  eventIds: string[];
}

const requestSchema = new Schema<DisclosureRequest>({
  _id: { type: String, required: true },
  caseRef: { type: String, required: true },
  concernRef: { type: String, required: true },
  requestedBy: { type: Schema.Types.Mixed, required: true },
  reason: { type: String, required: true },
  proposedAudience: { type: Schema.Types.Mixed, required: true },
  requestedAt: { type: Date, required: true },
  receivedEventId: { type: String, required: true },
  acknowledgedEventId: String,
  status: { type: String, required: true },
  decided: { type: Boolean, required: true },
  decision: { type: Schema.Types.Mixed },
  eventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'disclosure_requests', minimize: false });
requestSchema.index({ decided: 1, requestedAt: 1 });

export function createDisclosureQueue(db: Connection) {
  const model = modelOf(db, 'HealthDisclosureRequest', requestSchema);

  const store = createRecordStore(model, disclosureRecords);

  /** Queue a request once: a redelivered request finds its entry and changes nothing. */
  async function receive(event: EventOfType<'conference.disclosure.requested.v1'>): Promise<DisclosureRequest> {
    await store.project(event);
    return get(event.data.requestRef);
  }

  async function get(requestRef: string): Promise<DisclosureRequest> {
    const request = await model.findById(requestRef).lean<DisclosureRequest>();
    if (!request) throw notFound('disclosure request', requestRef);
    return request;
  }

  /** Pending requests first, then decided ones; oldest first within each. */
  async function list(status?: DisclosureRequest['status']): Promise<DisclosureRequest[]> {
    return model.find(status ? { status } : {}).sort({ decided: 1, requestedAt: 1 }).limit(500).lean<DisclosureRequest[]>();
  }

  return { model, receive, project: store.project, get, list };
}

export type DisclosureQueue = ReturnType<typeof createDisclosureQueue>;
