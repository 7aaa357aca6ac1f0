import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

const DUPLICATE_KEY = 11000;

interface Asked<D> {
  doc: D;
  settle: (inserted: boolean) => void;
  fail: (err: unknown) => void;
}

/**
 * Inserts asked for in the same turn of the event loop (the write-behind's lanes each creating their record)
 * go to the database as one unordered insertMany. Each caller learns whether its document went in; when some
 * did not, every caller of that batch is told "already there", as a database may not say exactly which went
 * in: callers read the document then, and find their own write if it was theirs (the record store's folds are
 * idempotent by event id).
 */
export function coalescedInserts<D extends Document>(collection: () => Collection<D>): (doc: D) => Promise<boolean> {
  let asked: Asked<D>[] = [];

  async function insertOne({ doc, settle, fail }: Asked<D>): Promise<void> {
    try {
      await collection().insertOne(doc as OptionalUnlessRequiredId<D>);
      settle(true);
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) settle(false);
      else fail(err);
    }
  }

  async function flush(): Promise<void> {
    const batch = asked;
    asked = [];
    if (batch.length === 1) return insertOne(batch[0]!);
    try {
      await collection().insertMany(batch.map((a) => a.doc as OptionalUnlessRequiredId<D>), { ordered: false });
      for (const a of batch) a.settle(true);
    } catch (err) {
      const partial = Array.isArray((err as { writeErrors?: unknown }).writeErrors) || (err as { code?: number }).code === DUPLICATE_KEY;
      for (const a of batch) (partial ? a.settle(false) : a.fail(err));
    }
  }

  return (doc) => new Promise<boolean>((settle, fail) => {
    asked.push({ doc, settle, fail });
    if (asked.length === 1) queueMicrotask(() => void flush());
  });
}
