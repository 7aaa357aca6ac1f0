import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@convene/shared/mongo';

/** One document per number taken: `_id` = name:n. The unique _id is what makes taking a number atomic. */
const takenSchema = new Schema<{ _id: string; name: string; n: number }>({ _id: String, name: String, n: Number }, { versionKey: false, collection: 'counters' });
takenSchema.index({ name: 1, n: -1 });

const isDuplicate = (err: unknown) => (err as { code?: number }).code === 11000;

/**
 * Sequence numbers that stay unique with several conference instances. FerretDB 1.x does not make
 * `findOneAndUpdate({$inc}, {upsert})` atomic (concurrent callers get the same number), so each number is
 * claimed by inserting its own document: only one insert of `name:n` can succeed.
 */
export function createCounters(db: Connection) {
  const model = modelOf(db, 'Counter', takenSchema);
  const hints = new Map<string, number>();

  async function highest(name: string): Promise<number> {
    const last = await model.find({ name }).sort({ n: -1 }).limit(1).lean<{ n: number }[]>();
    return last[0]?.n ?? 0;
  }

  return {
    async next(name: string): Promise<number> {
      let candidate = (hints.get(name) ?? (await highest(name))) + 1;
      for (let attempt = 0; attempt < 200; attempt++) {
        try {
          await model.create({ _id: `${name}:${candidate}`, name, n: candidate });
          hints.set(name, candidate);
          return candidate;
        } catch (err) {
          if (!isDuplicate(err)) throw err;
          candidate = Math.max(candidate + 1, (await highest(name)) + 1);
        }
      }
      throw new Error(`could not take a number for ${name}: too much contention`);
    },
  };
}

export function formatCaseRef(year: number, n: number): string {
  return `CNV-${year}-${String(n).padStart(6, '0')}`;
}
