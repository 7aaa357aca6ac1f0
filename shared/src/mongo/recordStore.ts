import type { Model } from 'mongoose';
import type { CaseEvent } from '../contracts/index.js';
import { coalescedInserts } from './coalescedInserts.js';

/** Every record an agency's read model holds: its reference, and the events folded into it. */
export interface FoldedRecord {
  _id: string;
  eventIds: string[];
}

/**
 * How an agency's read model follows its events, pure: which record an event concerns, and that record after
 * it (the same object when the event changes nothing; undefined when there is nothing to record, such as a
 * breach of an order this agency does not hold).
 */
export interface RecordFold<R extends FoldedRecord> {
  refOf(event: CaseEvent): string | undefined;
  evolve(record: R | undefined, event: CaseEvent): R | undefined;
}

type Stored<R> = Omit<R, 'eventIds'> & { eventIds?: string[]; rev?: number };
/** As written: every field of the record, and its revision. */
type Written = FoldedRecord & { rev: number };

const MAX_ATTEMPTS = 20;
/** Writers refused on one record wait a little, at random, so they do not collide again in step. */
const backOff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * 2 * attempt));

/**
 * One generic store for the agencies' read models: a record is read, folded with the agency's pure `evolve`
 * and written back whole, as revision + 1, only if nobody wrote it meanwhile (the write-behind's lanes and the
 * projection repair may apply events to the same record at once); a refused write reads and folds again. An
 * event already folded into its record changes nothing, so applying it twice is safe.
 */
export function createRecordStore<R extends FoldedRecord>(model: Model<R>, fold: RecordFold<R>) {
  // The driver's collection, typed by string ids: the whole record is written as folded, not cast by a schema.
  const collection = () => model.db.getClient().db(model.db.name).collection<Written>(model.collection.collectionName);

  /** Write a record that was not there; false if it was (someone created it first). Concurrent creations share one write. */
  const insertNew = coalescedInserts(collection);

  async function project(event: CaseEvent): Promise<void> {
    const ref = fold.refOf(event);
    if (ref === undefined) return;
    // Most events create their record (an incident, an assessment): the insert comes first, one write and no
    // read (on a stand-in that reads the whole collection to find one _id, a large saving); only if the record
    // is there already is it read and folded.
    const created = fold.evolve(undefined, event);
    if (created !== undefined && (await insertNew({ ...created, _id: ref, eventIds: [event.id], rev: 1 }))) return;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) await backOff(attempt);
      // A document written before this store (or by a direct write) may have no eventIds yet.
      const stored = await model.findById(ref).lean<Stored<R>>();
      if (stored?.eventIds?.includes(event.id)) return;
      const { rev, ...current } = stored ?? { rev: 0 };
      const next = fold.evolve(stored ? (current as R) : undefined, event);
      if (next === undefined) return;
      const doc = { ...next, _id: ref, eventIds: [...(stored?.eventIds ?? []), event.id], rev: (rev ?? 0) + 1 };
      if (!stored) {
        if (await insertNew(doc)) return;
        continue;
      }
      const written = await collection().replaceOne({ _id: ref, rev: rev ?? { $exists: false } }, doc);
      if (written.matchedCount === 1) return;
    }
    throw new Error(`record ${ref} kept changing while ${event.type} ${event.id} was applied to it`);
  }

  return { project };
}
