import { Schema, type Connection } from 'mongoose';
import type { Subject } from '../contracts/index.js';
import { identifying } from '../sharing/index.js';
import { modelOf, upsertById } from '../mongo/index.js';

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

export function createListings(db: Connection): Listings {
  const model = modelOf(db, 'Listing', listingSchema);
  return {
    async open(caseRef, subjects, at) {
      const tokens = [...new Set(subjects.flatMap((s) => s.tokens))];
      const victimTokens = [...new Set(subjects.filter((s) => s.role === 'victim').flatMap((s) => s.tokens))];
      await upsertById(model, caseRef, { setOnInsert: { listedAt: at }, set: { tokens, victimTokens, open: true } });
    },
    async close(caseRef, at) {
      await model.updateOne({ _id: caseRef }, { $set: { open: false, closedAt: at } });
    },
    async byRef(caseRef) {
      return (await model.findById(caseRef).lean<Listing>()) ?? undefined;
    },
    async openFor(subjects) {
      // A shared date-of-birth-and-postcode token (twins at one address) never decides whose listing it is.
      const named = subjects.filter((s) => s.role === 'victim');
      const victims = identifying(named.flatMap((s) => s.tokens));
      if (named.length > 0 && victims.length === 0) return undefined;
      const tokens = victims.length > 0 ? victims : identifying(subjects.flatMap((s) => s.tokens));
      if (tokens.length === 0) return undefined;
      const filter = victims.length > 0 ? { open: true, victimTokens: { $in: tokens } } : { open: true, tokens: { $in: tokens } };
      const found = await model.find(filter).sort({ listedAt: -1 }).limit(1).lean<Listing[]>();
      return found[0];
    },
  };
}
