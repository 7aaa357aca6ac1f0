import { createHash } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@convene/shared/mongo';

/**
 * Cases erased after their retention, remembered by a hash of the reference (never the reference itself): a
 * late or replayed event about an erased case must not bring any of it back, and the tombstone holds nothing
 * that names the case.
 */
interface Tombstone {
  _id: string;
  erasedAt: Date;
}

const tombstoneSchema = new Schema<Tombstone>({ _id: String, erasedAt: Date }, { versionKey: false, collection: 'erased_cases' });

const hashOf = (caseRef: string) => createHash('sha256').update(`convene-erased-case:${caseRef}`).digest('hex');

export function createErasedCases(db: Connection) {
  const model = modelOf(db, 'ErasedCase', tombstoneSchema);
  return {
    async record(caseRef: string, at = new Date()): Promise<void> {
      try {
        await model.create({ _id: hashOf(caseRef), erasedAt: at });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    },
    /** Which of these references were erased. */
    async among(caseRefs: readonly string[]): Promise<Set<string>> {
      if (caseRefs.length === 0) return new Set();
      const byHash = new Map(caseRefs.map((ref) => [hashOf(ref), ref]));
      const found = await model.find({ _id: { $in: [...byHash.keys()] } }, { _id: 1 }).lean<{ _id: string }[]>();
      return new Set(found.map((d) => byHash.get(d._id)!));
    },
  };
}

export type ErasedCases = ReturnType<typeof createErasedCases>;
