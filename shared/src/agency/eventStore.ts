import { Schema, type Connection, type Model } from 'mongoose';
import type { CaseEvent, Sharing } from '../contracts/index.js';
import { modelOf } from '../mongo/index.js';

/**
 * The agency's own event log, which doubles as the outbox: each event is one document, written in one
 * insert. `publish` says whether it may leave the agency now; `publishedAt` is set by the relay once Kafka
 * has it. `projected` is set once the agency's read model reflects it.
 */
export interface StoredEvent {
  _id: string;
  seq: number;
  type: string;
  sharing: Sharing;
  occurredAt: Date;
  tokens: string[];
  caseRef?: string | undefined;
  publish: boolean;
  publishedAt?: Date | undefined;
  projected: boolean;
  event: CaseEvent;
}

const storedEventSchema = new Schema<StoredEvent>({
  _id: { type: String, required: true },
  seq: { type: Number, required: true },
  type: { type: String, required: true },
  sharing: { type: String, required: true },
  occurredAt: { type: Date, required: true },
  tokens: { type: [String], default: [] },
  caseRef: { type: String },
  publish: { type: Boolean, required: true },
  publishedAt: { type: Date },
  projected: { type: Boolean, required: true },
  event: { type: Schema.Types.Mixed, required: true },
}, { versionKey: false, collection: 'events', minimize: false });
storedEventSchema.index({ seq: 1 });
storedEventSchema.index({ publish: 1, publishedAt: 1, seq: 1 });
storedEventSchema.index({ tokens: 1, occurredAt: 1 });

/** Monotonic within a process and ordered across restarts: microseconds since the epoch, never repeating. */
let lastSeq = 0;
export function nextSeq(now = Date.now()): number {
  lastSeq = Math.max(now * 1000, lastSeq + 1);
  return lastSeq;
}

export type EventStoreModel = Model<StoredEvent>;

export function eventStoreModel(db: Connection): EventStoreModel {
  return modelOf(db, 'StoredEvent', storedEventSchema);
}

export function tokensOf(event: Pick<CaseEvent, 'subjects'>): string[] {
  return [...new Set(event.subjects.flatMap((s) => s.tokens))];
}

export interface EventStore {
  model: EventStoreModel;
  append(event: CaseEvent, options: { publish: boolean }): Promise<StoredEvent>;
  markProjected(id: string): Promise<void>;
  unprojected(limit: number): Promise<StoredEvent[]>;
  /** Records about any of these people since a date, oldest first: the raw material of a research return. */
  aboutPeople(tokens: string[], since: Date): Promise<StoredEvent[]>;
  insertIfAbsent(event: CaseEvent, options: { publish: boolean }): Promise<boolean>;
}

export function createEventStore(db: Connection): EventStore {
  const model = eventStoreModel(db);
  const toDoc = (event: CaseEvent, publish: boolean): StoredEvent => ({
    _id: event.id,
    seq: nextSeq(),
    type: event.type,
    sharing: event.sharing,
    occurredAt: new Date(event.occurredat),
    tokens: tokensOf(event),
    caseRef: event.subject,
    publish,
    projected: false,
    event,
  });
  return {
    model,
    async append(event, { publish }) {
      const doc = toDoc(event, publish);
      await model.create(doc);
      return doc;
    },
    async insertIfAbsent(event, { publish }) {
      try {
        await model.create(toDoc(event, publish));
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return false;
        throw err;
      }
    },
    async markProjected(id) {
      await model.updateOne({ _id: id }, { $set: { projected: true } });
    },
    async unprojected(limit) {
      return model.find({ projected: false }).sort({ seq: 1 }).limit(limit).lean<StoredEvent[]>();
    },
    async aboutPeople(tokens, since) {
      if (tokens.length === 0) return [];
      return model.find({ tokens: { $in: tokens }, occurredAt: { $gte: since } }).sort({ occurredAt: 1, seq: 1 }).lean<StoredEvent[]>();
    },
  };
}
