import type { Model } from 'mongoose';

const DUPLICATE_KEY = 11000;

interface WriteErrorLike {
  code?: number;
  err?: { code?: number };
}

interface BulkWriteLike {
  code?: number;
  writeErrors?: WriteErrorLike[] | WriteErrorLike;
  insertedDocs?: unknown[];
  result?: { insertedCount?: number };
  insertedCount?: number;
}

function writeErrorCodes(err: BulkWriteLike): number[] {
  const list = Array.isArray(err.writeErrors) ? err.writeErrors : err.writeErrors ? [err.writeErrors] : [];
  return list.map((w) => w.code ?? w.err?.code ?? -1);
}

/**
 * Insert documents keyed by a natural id (an event id), unordered, treating "already there" as success:
 * Kafka delivers at least once, so a redelivered event must change nothing. Returns how many were new.
 */
export async function insertManyIdempotent<T>(model: Model<T>, docs: readonly object[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    const inserted = await model.insertMany(docs, { ordered: false, lean: true });
    return inserted.length;
  } catch (err) {
    const e = err as BulkWriteLike;
    const codes = e.code === DUPLICATE_KEY && !e.writeErrors ? [DUPLICATE_KEY] : writeErrorCodes(e);
    if (codes.length === 0 || codes.some((c) => c !== DUPLICATE_KEY)) throw err;
    return docs.length - codes.length;
  }
}

/** An upsert by `_id`: fields set only when the document is new, fields always set, values added to arrays. */
export interface UpsertById {
  setOnInsert: object;
  set: object;
  addToSet?: Record<string, string>;
}

/**
 * Upsert a document by `_id`, trying a plain insert first. A new document (the common case) then costs an
 * insert, where FerretDB would read the whole collection for an update even by `_id`; a document that is
 * there already gets the idempotent update (`$set`, `$addToSet`), so doing it twice changes nothing.
 */
export async function upsertById<T>(model: Model<T>, id: string, parts: UpsertById): Promise<void> {
  const added = Object.entries(parts.addToSet ?? {});
  try {
    await model.create({ _id: id, ...parts.setOnInsert, ...parts.set, ...Object.fromEntries(added.map(([k, v]) => [k, [v]])) });
    return;
  } catch (err) {
    if ((err as BulkWriteLike).code !== DUPLICATE_KEY) throw err;
  }
  const update = { $setOnInsert: parts.setOnInsert, $set: parts.set, ...(added.length > 0 ? { $addToSet: parts.addToSet } : {}) };
  await model.updateOne({ _id: id }, update, { upsert: true });
}
