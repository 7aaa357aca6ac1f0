import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';
import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@convene/shared/mongo';
import { initialView, type CaseView } from '../readModel/index.js';

/** One case as the store hands it out: the folded view plus the fields we query by. */
export interface CaseDoc {
  _id: string;
  status: CaseView['status'];
  /** The area holding the case (null: listed before areas, so the first area). */
  area?: string | null;
  tokens: string[];
  suspectTokens: string[];
  victimTokens: string[];
  listedAt: Date | null;
  closedAt: Date | null;
  /** When a closed case whose retention was set at closing is due to be erased (null: the default applies). */
  purgeAfter?: Date | null;
  /** How many times the view was written: a writer that folded an older revision is refused (see saveRevised). */
  rev: number;
  /** A fresh id per write: tells a writer whether the stored revision is its own. */
  writeId: string;
  view: CaseView;
}

/** A view with the revision it was folded from (0: not stored yet). */
export interface RevisedView {
  view: CaseView;
  rev: number;
}

/**
 * One case as stored: the view is packed (deflated JSON in one binary field) and only the fields we query by
 * are plain. A database that does not index a query reads every document it holds, and FerretDB 1.24 does
 * so even for updates by _id; a nested view of a few hundred timeline entries made each such read cost
 * ~180 µs per entry, a packed one costs a few bytes of binary to skip (docs/performance.md).
 */
export interface StoredCase extends Omit<CaseDoc, 'view'> {
  packedView: Uint8Array | { buffer: Uint8Array };
}

const caseSchema = new Schema<StoredCase>({
  _id: { type: String, required: true },
  status: { type: String, required: true },
  area: { type: String, default: null },
  tokens: { type: [String], default: [] },
  suspectTokens: { type: [String], default: [] },
  victimTokens: { type: [String], default: [] },
  listedAt: { type: Date, default: null },
  closedAt: { type: Date, default: null },
  purgeAfter: { type: Date, default: null },
  rev: { type: Number, required: true },
  writeId: { type: String, required: true },
  packedView: { type: Buffer, required: true },
}, { versionKey: false, collection: 'cases', minimize: false });
caseSchema.index({ tokens: 1, status: 1 });
caseSchema.index({ suspectTokens: 1 });
caseSchema.index({ victimTokens: 1, status: 1 });
caseSchema.index({ status: 1, closedAt: 1 });
caseSchema.index({ status: 1, purgeAfter: 1 });

const BULK_CHUNK = 50;
// Fast deflate: JSON packs to a fifth or less even so, and the projector packs every changed view per chunk.
const pack = promisify(deflateRaw);
const unpack = promisify(inflateRaw);
const PACK_LEVEL = 1;

function bytesOf(packed: NonNullable<StoredCase['packedView']>): Uint8Array {
  return packed instanceof Uint8Array ? packed : packed.buffer;
}

/** The case as stored, unpacked (any reader of the cases collection, the store's own or a test's). */
export function unpackCase(stored: StoredCase): CaseDoc {
  const { packedView, ...fields } = stored;
  return { ...fields, view: JSON.parse(inflateRawSync(bytesOf(packedView)).toString('utf8')) as CaseView };
}

/** As unpackCase, off the event loop: for the many views a batch or a list reads. */
async function unpackCaseAsync(stored: StoredCase): Promise<CaseDoc> {
  const { packedView, ...fields } = stored;
  return { ...fields, view: JSON.parse((await unpack(bytesOf(packedView))).toString('utf8')) as CaseView };
}

const unpackAll = (docs: StoredCase[]): Promise<CaseDoc[]> => Promise.all(docs.map(unpackCaseAsync));

async function toStored(view: CaseView, rev: number): Promise<StoredCase> {
  const tokens = [...new Set(Object.values(view.subjectTokens).flat())];
  return {
    _id: view.caseRef,
    status: view.status,
    area: view.area ?? null,
    tokens,
    suspectTokens: view.subjectTokens.suspect ?? [],
    victimTokens: view.subjectTokens.victim ?? [],
    listedAt: view.listedAt ? new Date(view.listedAt) : null,
    closedAt: view.closedAt ? new Date(view.closedAt) : null,
    purgeAfter: view.closedAt && view.retentionDays !== null && view.retentionDays !== undefined
      ? new Date(Date.parse(view.closedAt) + view.retentionDays * 86_400_000) : null,
    rev,
    writeId: randomUUID(),
    packedView: await pack(Buffer.from(JSON.stringify(view)), { level: PACK_LEVEL }),
  };
}

function isDuplicateOnly(err: unknown): boolean {
  const writeErrors = (err as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
  const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return list.length > 0 && list.every((e) => e.code === 11000);
}

export function createCaseStore(db: Connection) {
  const model = modelOf(db, 'Case', caseSchema);
  return {
    model,
    async get(caseRef: string): Promise<CaseView | undefined> {
      const stored = await model.findById(caseRef).lean<StoredCase>();
      return stored ? (await unpackCaseAsync(stored)).view : undefined;
    },
    /** The views of these cases, a fresh view for any not seen yet. */
    async load(caseRefs: string[]): Promise<Map<string, CaseView>> {
      const revised = await this.loadRevised(caseRefs);
      return new Map([...revised].map(([ref, r]) => [ref, r.view]));
    },
    /** As load, with each view's revision (0 for a case not stored yet). */
    async loadRevised(caseRefs: string[]): Promise<Map<string, RevisedView>> {
      const stored = caseRefs.length === 1
        ? (await model.find({ _id: caseRefs[0] }).lean<StoredCase[]>())
        : await model.find({ _id: { $in: caseRefs } }).lean<StoredCase[]>();
      const docs = await unpackAll(stored);
      const views = new Map(docs.map((d) => [d._id, { view: d.view, rev: d.rev ?? 0 }]));
      for (const ref of caseRefs) if (!views.has(ref)) views.set(ref, { view: initialView(ref), rev: 0 });
      return views;
    },
    /**
     * Write views folded from the revisions given, each as revision + 1, in unordered bulk writes. A view whose
     * stored revision moved on meanwhile (another instance wrote it, or it was erased) is not written: its
     * reference comes back, to be read again and folded anew. Nothing is ever overwritten unseen.
     */
    async saveRevised(views: RevisedView[]): Promise<Set<string>> {
      const refused = new Set<string>();
      // In chunks: FerretDB 1.24 never answers an update command of 100 or more statements (docs/performance.md).
      for (let i = 0; i < views.length; i += BULK_CHUNK) {
        const chunk = views.slice(i, i + BULK_CHUNK);
        const docs = await Promise.all(chunk.map(({ view, rev }) => toStored(view, rev + 1)));
        const writes = docs.map((doc) => (doc.rev === 1
          ? { insertOne: { document: doc } }
          : { replaceOne: { filter: { _id: doc._id, rev: doc.rev - 1 }, replacement: doc } }));
        let short: boolean;
        try {
          const result = await model.bulkWrite(writes, { ordered: false });
          short = result.insertedCount + result.matchedCount < writes.length;
        } catch (err) {
          // An insert that found the case already there (duplicate _id): some other writer came first.
          if (!isDuplicateOnly(err)) throw err;
          short = true;
        }
        if (!short) continue;
        const now = await model.find({ _id: { $in: docs.map((d) => d._id) } }, { writeId: 1 }).lean<{ _id: string; writeId?: string }[]>();
        const writtenNow = new Map(now.map((d) => [d._id, d.writeId]));
        for (const doc of docs) if (writtenNow.get(doc._id) !== doc.writeId) refused.add(doc._id);
      }
      return refused;
    },
    /**
     * Open cases whose victim has any of these tokens, newest first. Victims only: a victim who is a suspect
     * (or a witness) in someone else's case must not be folded into that case.
     */
    async openWithVictimTokens(tokens: string[]): Promise<CaseDoc[]> {
      if (tokens.length === 0) return [];
      return unpackAll(await model.find({ victimTokens: { $in: tokens }, status: { $ne: 'closed' } }).sort({ listedAt: -1 }).lean<StoredCase[]>());
    },
    /** The open cases with any of these people on them (references only). */
    async openWithTokens(tokens: string[]): Promise<string[]> {
      if (tokens.length === 0) return [];
      const docs = await model.find({ tokens: { $in: tokens }, status: 'listed' }, { _id: 1 }).lean<{ _id: string }[]>();
      return docs.map((d) => d._id);
    },
    async closedSinceWithVictimTokens(tokens: string[], since: Date): Promise<CaseDoc[]> {
      if (tokens.length === 0) return [];
      return unpackAll(await model.find({ victimTokens: { $in: tokens }, status: 'closed', closedAt: { $gte: since } }).sort({ closedAt: -1 }).lean<StoredCase[]>());
    },
    /** Other cases, open or closed since `since`, that share a suspect token with this one. */
    async withSuspect(tokens: string[], exceptCaseRef: string, since: Date): Promise<CaseDoc[]> {
      if (tokens.length === 0) return [];
      const docs = await unpackAll(await model.find({ suspectTokens: { $in: tokens }, _id: { $ne: exceptCaseRef } }).lean<StoredCase[]>());
      return docs.filter((d) => d.status !== 'closed' || (d.closedAt !== null && d.closedAt >= since));
    },
    /** The newest 500, of these areas if given (null: cases listed before areas). */
    async list(status?: CaseView['status'], areas?: (string | null)[]): Promise<CaseDoc[]> {
      const filter = { ...(status ? { status } : {}), ...(areas ? { area: { $in: areas } } : {}) };
      return unpackAll(await model.find(filter).sort({ listedAt: -1 }).limit(500).lean<StoredCase[]>());
    },
    /** Cases listed before `to` and not closed before `from`: the only ones a period from `from` to `to` can count. */
    async listedDuring(from: Date, to: Date): Promise<CaseDoc[]> {
      return unpackAll(await model.find({ listedAt: { $ne: null, $lt: to }, $or: [{ closedAt: null }, { closedAt: { $gte: from } }] }).lean<StoredCase[]>());
    },
    /** Closed cases due for erasure: past their own retention, or (none set at closing) closed before the cutoff. */
    async dueForPurge(now: Date, defaultCutoff: Date): Promise<string[]> {
      const own = await model.find({ status: 'closed', purgeAfter: { $lte: now } }, { _id: 1 }).lean<{ _id: string }[]>();
      const byDefault = await model.find({ status: 'closed', closedAt: { $lte: defaultCutoff }, purgeAfter: null }, { _id: 1 }).lean<{ _id: string }[]>();
      return [...new Set([...own, ...byDefault].map((d) => d._id))];
    },
    async remove(caseRef: string): Promise<void> {
      await model.deleteOne({ _id: caseRef });
    },
  };
}

export type CaseStore = ReturnType<typeof createCaseStore>;
