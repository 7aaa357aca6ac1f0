import { Schema, type Connection } from 'mongoose';
import type { Subject } from '../contracts/index.js';
import { DEFAULT_PEER_REFRESH_MS, mirrored, modelOf, upsertById } from '../mongo/index.js';
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

/**
 * The database holds the listings; each instance answers `openFor` (asked by every command) from the open ones
 * mirrored in memory, so a command's request reads nothing. Its own opens and closes show at once; another
 * instance's at the next re-read (`refreshMs`), which runs behind the requests.
 */
export function createListings(db: Connection, options: { refreshMs?: number } = {}): Listings {
  const model = modelOf(db, 'Listing', listingSchema);
  const held = mirrored({
    readAll: () => model.find({ open: true }).lean<Listing[]>(),
    build: openListingIndex,
    refreshMs: options.refreshMs ?? DEFAULT_PEER_REFRESH_MS,
  });

  return {
    async open(caseRef, subjects, at) {
      const tokens = [...new Set(subjects.flatMap((s) => s.tokens))];
      const victimTokens = [...new Set(subjects.filter((s) => s.role === 'victim').flatMap((s) => s.tokens))];
      await upsertById(model, caseRef, { setOnInsert: { listedAt: at }, set: { tokens, victimTokens, open: true } });
      held.changed(caseRef, (await model.findById(caseRef).lean<Listing>()) ?? undefined);
    },
    async close(caseRef, at) {
      await model.updateOne({ _id: caseRef }, { $set: { open: false, closedAt: at } });
      held.changed(caseRef, undefined);
    },
    async byRef(caseRef) {
      return (await model.findById(caseRef).lean<Listing>()) ?? undefined;
    },
    async openFor(subjects) {
      return (await held.index()).openFor(subjects);
    },
  };
}
