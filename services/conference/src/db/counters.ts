import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@convene/shared/mongo';

const counterSchema = new Schema<{ _id: string; n: number }>({ _id: String, n: Number }, { versionKey: false, collection: 'counters' });

/** Atomic counters (one findOneAndUpdate each), safe with several conference instances. */
export function createCounters(db: Connection) {
  const model = modelOf(db, 'Counter', counterSchema);
  return {
    async next(name: string): Promise<number> {
      const doc = await model.findOneAndUpdate({ _id: name }, { $inc: { n: 1 } }, { upsert: true, new: true }).lean();
      return doc!.n;
    },
  };
}

export function formatCaseRef(year: number, n: number): string {
  return `CNV-${year}-${String(n).padStart(6, '0')}`;
}
