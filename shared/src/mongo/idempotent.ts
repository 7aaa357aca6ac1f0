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
