import { Schema, type Connection } from 'mongoose';
import { modelOf } from '../mongo/index.js';

/** A case the conference has listed, as the agency knows it: the reference and its subjects' tokens. */
export interface Listing {
  _id: string;
  tokens: string[];
  open: boolean;
  listedAt: Date;
  closedAt?: Date | undefined;
}

const listingSchema = new Schema<Listing>({
  _id: { type: String, required: true },
  tokens: { type: [String], required: true },
  open: { type: Boolean, required: true },
  listedAt: { type: Date, required: true },
  closedAt: { type: Date },
}, { versionKey: false, collection: 'listings' });
listingSchema.index({ tokens: 1, open: 1 });

export interface Listings {
  open(caseRef: string, tokens: string[], at: Date): Promise<void>;
  close(caseRef: string, at: Date): Promise<void>;
  /** The most recent open listing with any of these subjects: new records about them stream to it. */
  openFor(tokens: string[]): Promise<Listing | undefined>;
}

export function createListings(db: Connection): Listings {
  const model = modelOf(db, 'Listing', listingSchema);
  return {
    async open(caseRef, tokens, at) {
      await model.updateOne({ _id: caseRef }, { $setOnInsert: { listedAt: at }, $set: { tokens, open: true } }, { upsert: true });
    },
    async close(caseRef, at) {
      await model.updateOne({ _id: caseRef }, { $set: { open: false, closedAt: at } });
    },
    async openFor(tokens) {
      if (tokens.length === 0) return undefined;
      const found = await model.find({ open: true, tokens: { $in: tokens } }).sort({ listedAt: -1 }).limit(1).lean<Listing[]>();
      return found[0];
    },
  };
}
