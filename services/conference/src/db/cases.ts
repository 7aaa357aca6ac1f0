import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@convene/shared/mongo';
import { initialView, type CaseView } from '../readModel/index.js';

/** One document per case: the folded view plus the fields we query by. */
export interface CaseDoc {
  _id: string;
  status: CaseView['status'];
  tokens: string[];
  suspectTokens: string[];
  victimTokens: string[];
  listedAt: Date | null;
  closedAt: Date | null;
  view: CaseView;
}

const caseSchema = new Schema<CaseDoc>({
  _id: { type: String, required: true },
  status: { type: String, required: true },
  tokens: { type: [String], default: [] },
  suspectTokens: { type: [String], default: [] },
  victimTokens: { type: [String], default: [] },
  listedAt: { type: Date, default: null },
  closedAt: { type: Date, default: null },
  view: { type: Schema.Types.Mixed, required: true },
}, { versionKey: false, collection: 'cases', minimize: false });
caseSchema.index({ tokens: 1, status: 1 });
caseSchema.index({ suspectTokens: 1 });
caseSchema.index({ victimTokens: 1, status: 1 });
caseSchema.index({ status: 1, closedAt: 1 });

const BULK_CHUNK = 50;

function toDoc(view: CaseView): CaseDoc {
  const tokens = [...new Set(Object.values(view.subjectTokens).flat())];
  return {
    _id: view.caseRef,
    status: view.status,
    tokens,
    suspectTokens: view.subjectTokens.suspect ?? [],
    victimTokens: view.subjectTokens.victim ?? [],
    listedAt: view.listedAt ? new Date(view.listedAt) : null,
    closedAt: view.closedAt ? new Date(view.closedAt) : null,
    view,
  };
}

export function createCaseStore(db: Connection) {
  const model = modelOf(db, 'Case', caseSchema);
  return {
    model,
    async get(caseRef: string): Promise<CaseView | undefined> {
      return (await model.findById(caseRef).lean<CaseDoc>())?.view;
    },
    /** The views of these cases, a fresh view for any not seen yet. */
    async load(caseRefs: string[]): Promise<Map<string, CaseView>> {
      // One lookup by _id per case: FerretDB 1.24 uses an index only for _id equality, and `_id: { $in }` read
      // every case view in the database for each batch of events.
      const docs = (await Promise.all(caseRefs.map((ref) => model.findById(ref).lean<CaseDoc>()))).filter((d): d is CaseDoc => d !== null);
      const views = new Map(docs.map((d) => [d._id, d.view]));
      for (const ref of caseRefs) if (!views.has(ref)) views.set(ref, initialView(ref));
      return views;
    },
    /** Write changed views in one unordered bulk write. */
    async saveMany(views: CaseView[]): Promise<void> {
      if (views.length === 0) return;
      // In chunks: FerretDB 1.24 never answers an update command of 100 or more statements (docs/performance.md).
      for (let i = 0; i < views.length; i += BULK_CHUNK) {
        const chunk = views.slice(i, i + BULK_CHUNK);
        await model.bulkWrite(chunk.map((view) => ({ replaceOne: { filter: { _id: view.caseRef }, replacement: toDoc(view), upsert: true } })), { ordered: false });
      }
    },
    /**
     * Open cases whose victim has any of these tokens, newest first. Victims only: a victim who is a suspect
     * (or a witness) in someone else's case must not be folded into that case.
     */
    async openWithVictimTokens(tokens: string[]): Promise<CaseDoc[]> {
      if (tokens.length === 0) return [];
      return model.find({ victimTokens: { $in: tokens }, status: { $ne: 'closed' } }).sort({ listedAt: -1 }).lean<CaseDoc[]>();
    },
    async closedSinceWithTokens(tokens: string[], since: Date): Promise<CaseDoc[]> {
      if (tokens.length === 0) return [];
      return model.find({ tokens: { $in: tokens }, status: 'closed', closedAt: { $gte: since } }).sort({ closedAt: -1 }).lean<CaseDoc[]>();
    },
    /** Other cases, open or closed since `since`, that share a suspect token with this one. */
    async withSuspect(tokens: string[], exceptCaseRef: string, since: Date): Promise<CaseDoc[]> {
      if (tokens.length === 0) return [];
      const docs = await model.find({ suspectTokens: { $in: tokens }, _id: { $ne: exceptCaseRef } }).lean<CaseDoc[]>();
      return docs.filter((d) => d.status !== 'closed' || (d.closedAt !== null && d.closedAt >= since));
    },
    async list(status?: CaseView['status']): Promise<CaseDoc[]> {
      return model.find(status ? { status } : {}).sort({ listedAt: -1 }).limit(500).lean<CaseDoc[]>();
    },
    async closedBefore(cutoff: Date): Promise<string[]> {
      const docs = await model.find({ status: 'closed', closedAt: { $lte: cutoff } }, { _id: 1 }).lean<{ _id: string }[]>();
      return docs.map((d) => d._id);
    },
    async remove(caseRef: string): Promise<void> {
      await model.deleteOne({ _id: caseRef });
    },
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
