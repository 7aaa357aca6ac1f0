import { Schema, type Connection } from 'mongoose';
import type { Subject } from '../contracts/index.js';
import { modelOf, upsertById } from '../mongo/index.js';
import { openListingIndex } from './openListingIndex.js';

/** A case the conference has listed, as the agency knows it: the reference and its subjects' tokens. */
export interface Listing {
  _id: string;
  tokens: string[];
  /** The listed victims' tokens: a record naming a victim streams only to that victim's case. */
  victimTokens: string[];
  open: boolean;
  listedAt: Date;
  closedAt?: Date | undefined;
}

const listingSchema = new Schema<Listing>({
  _id: { type: String, required: true },
  tokens: { type: [String], required: true },
  victimTokens: { type: [String], default: [] },
  open: { type: Boolean, required: true },
  listedAt: { type: Date, required: true },
  closedAt: { type: Date },
}, { versionKey: false, collection: 'listings' });
listingSchema.index({ tokens: 1, open: 1 });

export interface Listings {
  open(caseRef: string, subjects: Subject[], at: Date): Promise<void>;
  close(caseRef: string, at: Date): Promise<void>;
  /**
   * The open listing new records about these subjects stream to, most recent first. A record that names a
   * victim goes only to a listing of that victim (one suspect's other victim is not on this case); one that
   * names no victim goes to a listing of any of its subjects.
   */
  openFor(subjects: Subject[]): Promise<Listing | undefined>;
  /** One listing by its case reference, open or closed. */
  byRef(caseRef: string): Promise<Listing | undefined>;
}

/** How often an instance re-reads the open listings, to see those opened or closed through another instance. */
export const DEFAULT_PEER_REFRESH_MS = 1000;

/**
 * The database holds the listings; each instance answers `openFor` (asked by every command) from the open ones
 * in memory, so a command's request reads nothing. Its own opens and closes apply at once; another instance's
 * are seen at the next re-read (`refreshMs`), which runs behind the requests.
 */
export function createListings(db: Connection, options: { refreshMs?: number } = {}): Listings {
  const model = modelOf(db, 'Listing', listingSchema);
  const refreshMs = options.refreshMs ?? DEFAULT_PEER_REFRESH_MS;
  let index = openListingIndex();
  let readAt = -Infinity;
  let reading: Promise<void> | undefined;
  // Changes made here while a re-read is under way: they win over what it read.
  let madeDuringRead: Map<string, Listing | undefined> | undefined;

  const reread = () => {
    madeDuringRead = new Map();
    const startedAt = Date.now();
    reading = (async () => {
      try {
        const fresh = openListingIndex(await model.find({ open: true }).lean<Listing[]>());
        for (const [caseRef, listing] of madeDuringRead!) if (listing) fresh.put(listing); else fresh.remove(caseRef);
        index = fresh;
        readAt = startedAt;
      } finally {
        reading = undefined;
        madeDuringRead = undefined;
      }
    })();
    return reading;
  };
  const changed = (caseRef: string, listing: Listing | undefined) => {
    if (listing) index.put(listing); else index.remove(caseRef);
    madeDuringRead?.set(caseRef, listing);
  };

  return {
    async open(caseRef, subjects, at) {
      const tokens = [...new Set(subjects.flatMap((s) => s.tokens))];
      const victimTokens = [...new Set(subjects.filter((s) => s.role === 'victim').flatMap((s) => s.tokens))];
      await upsertById(model, caseRef, { setOnInsert: { listedAt: at }, set: { tokens, victimTokens, open: true } });
      changed(caseRef, (await model.findById(caseRef).lean<Listing>()) ?? undefined);
    },
    async close(caseRef, at) {
      await model.updateOne({ _id: caseRef }, { $set: { open: false, closedAt: at } });
      changed(caseRef, undefined);
    },
    async byRef(caseRef) {
      return (await model.findById(caseRef).lean<Listing>()) ?? undefined;
    },
    async openFor(subjects) {
      if (readAt === -Infinity) await (reading ?? reread());
      // Behind the request: a failed re-read keeps the last one and is tried again by the next command.
      else if (!reading && Date.now() - readAt >= refreshMs) reread().catch(() => {});
      return index.openFor(subjects);
    },
  };
}
