import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Schema, type Connection, type Model } from 'mongoose';
import type { CaseEvent, Sharing } from '../contracts/index.js';
import { insertManyIdempotent, modelOf } from '../mongo/index.js';

/**
 * The agency's own event log: one document per event, written once and never changed. Nothing here is
 * updated or deleted in normal running: on FerretDB (the local stack) an update or delete reads the whole
 * collection, and this one grows for as long as the agency keeps records (docs/performance.md).
 */
export interface StoredEvent {
  _id: string;
  seq: number;
  type: string;
  sharing: Sharing;
  occurredAt: Date;
  tokens: string[];
  caseRef?: string | undefined;
  /** Whether it may leave the agency (decided when recorded). */
  publish: boolean;
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
  event: { type: Schema.Types.Mixed, required: true },
}, { versionKey: false, collection: 'events', minimize: false });
storedEventSchema.index({ seq: 1 });
storedEventSchema.index({ tokens: 1, occurredAt: 1 });

/**
 * The outbox: what is still to be done with a recorded event, written before the event itself. `project`:
 * the agency's read model does not reflect it yet; `publish`: Kafka does not have it yet. An entry leaves once
 * both are done, so the collection holds only work in flight and stays small (its updates stay cheap).
 *
 * The event is packed (deflated JSON in one binary field), and what the outbox is searched by is plain. It is
 * small while live, but a backlog (a broker away, a bulk import) makes it big, and a database that reads every
 * document per query (FerretDB 1.24 does, even to delete by _id) pays far less per packed entry than per nested
 * event (docs/performance.md).
 */
export interface OutboxEntry {
  _id: string;
  seq: number;
  project: boolean;
  publish: boolean;
  /** The cases the event names (its subject, a caseRef or an agenda in its data): what a purge looks for. */
  caseRefs: string[];
  packed: Uint8Array | { buffer: Uint8Array };
}

const outboxSchema = new Schema<OutboxEntry>({
  _id: { type: String, required: true },
  seq: { type: Number, required: true },
  project: { type: Boolean, required: true },
  publish: { type: Boolean, required: true },
  caseRefs: { type: [String], default: [] },
  packed: { type: Buffer, required: true },
}, { versionKey: false, collection: 'outbox', minimize: false });
outboxSchema.index({ project: 1, publish: 1, seq: 1 });

/** Monotonic within a process and ordered across restarts: microseconds since the epoch, never repeating. */
let lastSeq = 0;
export function nextSeq(now = Date.now()): number {
  lastSeq = Math.max(now * 1000, lastSeq + 1);
  return lastSeq;
}

export type EventStoreModel = Model<StoredEvent>;
export type OutboxModel = Model<OutboxEntry>;

export function eventStoreModel(db: Connection): EventStoreModel {
  return modelOf(db, 'StoredEvent', storedEventSchema);
}

export function outboxModel(db: Connection): OutboxModel {
  return modelOf(db, 'OutboxEntry', outboxSchema);
}

export function tokensOf(event: Pick<CaseEvent, 'subjects'>): string[] {
  return [...new Set(event.subjects.flatMap((s) => s.tokens))];
}

/** The event-log document of an event, as the store writes it. */
export function storedEvent(event: CaseEvent, publish: boolean, seq = nextSeq()): StoredEvent {
  return {
    _id: event.id,
    seq,
    type: event.type,
    sharing: event.sharing,
    occurredAt: new Date(event.occurredat),
    tokens: tokensOf(event),
    caseRef: event.subject,
    publish,
    event,
  };
}

/** Every case an event names: its subject, and a caseRef or an agenda in its data (conference events). */
export function caseRefsNamedBy(event: CaseEvent): string[] {
  const data = event.data as { caseRef?: unknown; agenda?: unknown };
  const named = [event.subject, data.caseRef, ...(Array.isArray(data.agenda) ? data.agenda : [])];
  return [...new Set(named.filter((ref): ref is string => typeof ref === 'string'))];
}

/** The outbox entry of a recorded event: `project` while the agency's read model does not show it yet. */
export function outboxEntry(stored: StoredEvent, project: boolean): OutboxEntry {
  return {
    _id: stored._id, seq: stored.seq, project, publish: stored.publish, caseRefs: caseRefsNamedBy(stored.event),
    packed: deflateRawSync(JSON.stringify(stored.event), { level: 1 }),
  };
}

/** The event an outbox entry holds. */
export function eventOfEntry(entry: OutboxEntry): CaseEvent {
  return JSON.parse(inflateRawSync(entry.packed instanceof Uint8Array ? entry.packed : entry.packed.buffer).toString('utf8')) as CaseEvent;
}

/** Outbox entries naming a case. */
export function outboxEntriesNaming(caseRef: string) {
  return { caseRefs: caseRef };
}

/** An event waiting in the outbox, with its place in the order of recording. */
export interface QueuedEvent {
  seq: number;
  event: CaseEvent;
}

/** An event enqueued on the request path, as the write-behind takes it. */
export interface QueuedRecord {
  event: CaseEvent;
  publish: boolean;
  seq: number;
}

/** What the outbox relay needs: the next events to publish, and a way to say Kafka has them. */
export interface PublishQueue {
  toPublish(limit: number): Promise<QueuedEvent[]>;
  published(queued: QueuedEvent[]): Promise<void>;
}

export interface EventStore extends PublishQueue {
  /**
   * Record an event once: false if it was already recorded (a redelivered trigger). With `project: false`
   * there is nothing to apply to the agency's read model (a research return).
   */
  insertIfAbsent(event: CaseEvent, options: { publish: boolean; project?: boolean }): Promise<boolean>;
  /**
   * A command's one write on the request path: the outbox entry that holds the event, for the log, the read
   * model and the relay to take behind it. Undefined if an entry with this id is already waiting (a redelivery).
   */
  enqueue(event: CaseEvent, publish: boolean): Promise<QueuedRecord | undefined>;
  /** Behind the request: the log documents of enqueued events, in one write. The ids the log already held (recorded before). */
  appendToLog(queued: readonly QueuedRecord[]): Promise<Set<string>>;
  /**
   * Behind the request: the read model shows these; their entries wait for the relay (`publish`) or go. With
   * `published`, Kafka has every one to publish already, and all their entries go in one delete.
   */
  settle(done: readonly { id: string; publish: boolean }[], options?: { published?: boolean }): Promise<void>;
  /**
   * Record events the agency's read model already holds (a bulk import, a migration), to be published: their
   * outbox entries and log documents, in bulk. Idempotent by event id: importing again changes nothing.
   */
  importProjected(events: readonly CaseEvent[]): Promise<void>;
  /**
   * The read model reflects the event now. `publish`, when the caller knows it, saves a statement: on FerretDB
   * each reads the whole outbox.
   */
  markProjected(id: string, publish?: boolean): Promise<void>;
  /** Events recorded but not yet applied to the read model (after a crash), oldest first; `recordedBefore` in ms since the epoch. */
  unprojected(limit: number, recordedBefore?: number): Promise<CaseEvent[]>;
  /** Records about any of these people since a date, oldest first: the raw material of a research return. */
  aboutPeople(tokens: string[], since: Date): Promise<StoredEvent[]>;
  /** Events of these types that happened in [from, to), in the order they were recorded (monthly figures). */
  ofTypes(types: readonly string[], from: Date, to: Date): Promise<CaseEvent[]>;
  /** The last event of this type recorded whose data has these values (the latest figures for a month). */
  latest(type: string, data: Record<string, string>): Promise<CaseEvent | undefined>;
  /**
   * Erase what the log and outbox hold that names this case (its subject, a caseRef or an agenda in its data),
   * once nothing naming it waits to be published: false, and nothing erased, while something does.
   */
  forgetCase(caseRef: string): Promise<boolean>;
}

const DELETE_CHUNK = 1000;

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export function createEventStore(db: Connection): EventStore {
  const model = eventStoreModel(db);
  const outbox = outboxModel(db);
  // The driver's collections, typed; taken when first used (a store may be built before its connection opens).
  const outboxDocs = () => db.getClient().db(db.name).collection<OutboxEntry>(outbox.collection.collectionName);
  const logDocs = () => db.getClient().db(db.name).collection<StoredEvent>(model.collection.collectionName);

  /** Outbox entry first, then the log: a crash between the two leaves the entry, and recovery writes the log. */
  async function insertIfAbsent(event: CaseEvent, options: { publish: boolean; project?: boolean }): Promise<boolean> {
    const project = options.project ?? true;
    const doc = storedEvent(event, options.publish);
    if (!project && !options.publish) return insertOnce(() => model.create(doc));
    if (!(await insertOnce(() => outbox.create(outboxEntry(doc, project))))) return false;
    if (await insertOnce(() => model.create(doc))) return true;
    // Recorded and finished before: this entry is ours, and there is nothing left to do.
    await outbox.deleteOne({ _id: event.id });
    return false;
  }

  /**
   * One delete statement per entry, by `_id` alone, sent together: MongoDB and mongo-java-server answer each from
   * the _id index. With any other field in the filter mongo-java-server reads the whole outbox and tests each
   * entry against every id (a 20,000-id delete from a 50,000-entry outbox held its database for 23 s), and one
   * `$in` of a thousand ids took it twice as long as a thousand statements (docs/performance.md). In chunks, so
   * no command holds the database for long.
   */
  async function deleteEntries(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
      await outboxDocs().bulkWrite(ids.slice(i, i + DELETE_CHUNK).map((_id) => ({ deleteOne: { filter: { _id } } })), { ordered: false });
    }
  }

  return {
    insertIfAbsent,
    // The two writes below go to the driver directly: the documents are built typed already, and a mongoose
    // document per insert (casting, hooks, a stack trace kept for a parallel-save error) was a good part of
    // the request's CPU (docs/performance.md, B6).
    async enqueue(event, publish) {
      const doc = storedEvent(event, publish);
      return (await insertOnce(() => outboxDocs().insertOne(outboxEntry(doc, true)))) ? { event, publish, seq: doc.seq } : undefined;
    },
    async appendToLog(queued) {
      const docs = queued.map((q) => storedEvent(q.event, q.publish, q.seq));
      try {
        await logDocs().insertMany(docs, { ordered: false });
        return new Set();
      } catch (err) {
        if (!isDuplicateKey(err) && !(err as { writeErrors?: unknown[] }).writeErrors) throw err;
        // Some were in the log already. Which ones is told exactly by inserting each again (once more is a no-op).
        const again = await Promise.all(docs.map((doc) => insertOnce(() => model.create(doc))));
        const present = await model.find({ _id: { $in: docs.filter((_, i) => !again[i]).map((d) => d._id) } }, { _id: 1, seq: 1 }).lean<{ _id: string; seq: number }[]>();
        // A document with another seq was recorded by an earlier command with the same id; ours went in just now otherwise.
        const seqOf = new Map(docs.map((d) => [d._id, d.seq]));
        return new Set(present.filter((d) => d.seq !== seqOf.get(d._id)).map((d) => d._id));
      }
    },
    async importProjected(events) {
      const docs = events.map((event) => storedEvent(event, true));
      await insertManyIdempotent(outbox, docs.map((doc) => outboxEntry(doc, false)));
      await insertManyIdempotent(model, docs);
    },
    async settle(done, options = {}) {
      if (options.published) {
        await deleteEntries(done.map((d) => d.id));
        return;
      }
      const waiting = done.filter((d) => d.publish).map((d) => d.id);
      const finished = done.filter((d) => !d.publish).map((d) => d.id);
      if (waiting.length > 0) await outbox.updateMany({ _id: { $in: waiting } }, { $set: { project: false } });
      await deleteEntries(finished);
    },
    async markProjected(id, publish) {
      if (publish !== true) {
        const { deletedCount } = await outbox.deleteOne({ _id: id, publish: false });
        if (deletedCount > 0 || publish === false) return;
      }
      await outbox.updateOne({ _id: id }, { $set: { project: false } });
    },
    async unprojected(limit, recordedBefore) {
      const filter = recordedBefore === undefined ? { project: true } : { project: true, seq: { $lt: recordedBefore * 1000 } };
      const entries = await outbox.find(filter).sort({ seq: 1 }).limit(limit).lean<OutboxEntry[]>();
      // The crash may have come between the outbox entry and the log: write the log now (a no-op if it is there).
      const events = entries.map(eventOfEntry);
      for (const [i, entry] of entries.entries()) await insertOnce(() => model.create(storedEvent(events[i]!, entry.publish, entry.seq)));
      return events;
    },
    // The relay's pass: only entries whose projection is done (a leftover of a failed one waits for the repair).
    // A command's own event is handed to Kafka as soon as it is in the log (writeBehind.ts): the decision to share
    // it was taken before its insert, and the read model, derived from the log, catches up behind it.
    async toPublish(limit) {
      const entries = await outbox.find({ publish: true, project: false }).sort({ seq: 1 }).limit(limit).lean<OutboxEntry[]>();
      return entries.map((e) => ({ seq: e.seq, event: eventOfEntry(e) }));
    },
    async published(queued) {
      await deleteEntries(queued.map((q) => q.event.id));
    },
    async ofTypes(types, from, to) {
      const docs = await model.find({ type: { $in: [...types] }, occurredAt: { $gte: from, $lt: to } }).sort({ seq: 1 }).lean<StoredEvent[]>();
      return docs.map((d) => d.event);
    },
    async latest(type, data) {
      const where = Object.fromEntries(Object.entries(data).map(([k, v]) => [`event.data.${k}`, v]));
      const [doc] = await model.find({ type, ...where }).sort({ seq: -1 }).limit(1).lean<StoredEvent[]>();
      return doc?.event;
    },
    async forgetCase(caseRef) {
      if (await outbox.exists({ ...outboxEntriesNaming(caseRef), publish: true })) return false;
      await outbox.deleteMany(outboxEntriesNaming(caseRef));
      await model.deleteMany({ $or: [{ 'event.subject': caseRef }, { 'event.data.caseRef': caseRef }, { 'event.data.agenda': caseRef }] });
      return true;
    },
    async aboutPeople(tokens, since) {
      if (tokens.length === 0) return [];
      return model.find({ tokens: { $in: tokens }, occurredAt: { $gte: since } }).sort({ occurredAt: 1, seq: 1 }).lean<StoredEvent[]>();
    },
  };
}
