import { Schema, type Connection } from 'mongoose';
import type { OfficerInCase, StaffMember, WithheldEntry } from '@convene/shared/contracts';
import { modelOf } from '@convene/shared/mongo';
import type { CheckRefusal } from '../domain/historyCheck.js';

/** A CPS history check: who asked, why, until when, and what each agency answered — or why it was refused. */
export interface Chronology {
  _id: string;
  requestRef: string;
  requestedBy: StaffMember;
  lawfulBasis: string;
  /** The lawyer's own words for why (checks opened before it was kept have none). */
  purpose?: string;
  /** The CPS case file (URN) naming the suspects. */
  urn?: string;
  /** How many months back the lawyer asked agencies to look (absent: each agency's usual research window). */
  windowMonths?: number;
  /** The police officer in the case, as the lawyer named them. */
  officerInCase?: OfficerInCase;
  /** Missing on checks stored before refusals existed: those are open. */
  state?: 'open' | 'refused';
  refusal?: CheckRefusal;
  caseRef: string | null;
  tokens: string[];
  openedAt: string;
  expiresAt: string;
  answeredBy: string[];
  withheld: (WithheldEntry & { agency: string })[];
}

export interface ChronologyEntry {
  _id: string;
  requestRef: string;
  eventId: string;
  agency: string;
  type: string;
  occurredAt: string;
  summary: string;
  sharing: string;
}

const chronologySchema = new Schema<Chronology>({
  _id: String, requestRef: String, requestedBy: Schema.Types.Mixed, lawfulBasis: String, purpose: String, urn: String, windowMonths: Number, officerInCase: Schema.Types.Mixed,
  state: String, refusal: Schema.Types.Mixed, caseRef: { type: String, default: null },
  tokens: [String], openedAt: String, expiresAt: String, answeredBy: { type: [String], default: [] }, withheld: { type: Schema.Types.Mixed, default: [] },
}, { versionKey: false, collection: 'chronologies', minimize: false });
chronologySchema.index({ expiresAt: 1 });

const entrySchema = new Schema<ChronologyEntry>({
  _id: String, requestRef: String, eventId: String, agency: String, type: String, occurredAt: String, summary: String, sharing: String,
}, { versionKey: false, collection: 'chronology_entries' });
entrySchema.index({ requestRef: 1, occurredAt: 1 });

export function createChronologyStore(db: Connection) {
  const checks = modelOf(db, 'Chronology', chronologySchema);
  const entries = modelOf(db, 'ChronologyEntry', entrySchema);
  return {
    checks,
    entries,
    /** Store a check (open or refused); false when it was there already (a redelivered request). */
    async open(check: Omit<Chronology, '_id' | 'answeredBy' | 'withheld'>): Promise<boolean> {
      // A plain insert, not an upsert with $setOnInsert: FerretDB 1.x drops empty arrays and nulls from
      // $setOnInsert. A redelivered request finds the check already there.
      try {
        await checks.create({ _id: check.requestRef, ...check, answeredBy: [], withheld: [] });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        return false;
      }
    },
    async get(requestRef: string): Promise<Chronology | undefined> {
      return (await checks.findById(requestRef).lean<Chronology>()) ?? undefined;
    },
    /** Add an agency's answer; entries are keyed by event id, so a redelivered answer adds nothing. */
    async addAnswer(requestRef: string, agency: string, rows: Omit<ChronologyEntry, '_id' | 'requestRef'>[], withheld: WithheldEntry[]): Promise<void> {
      const check = await checks.findById(requestRef).lean<Chronology>();
      // A refused check was never asked of anyone: whatever claims to answer it is not kept.
      if (check?.state === 'refused') return;
      // In chunks of 50: FerretDB 1.24 never answers an update command of 100 or more statements.
      for (let i = 0; i < rows.length; i += 50) {
        await entries.bulkWrite(rows.slice(i, i + 50).map((r) => ({
          updateOne: { filter: { _id: `${requestRef}:${r.eventId}` }, update: { $setOnInsert: { ...r, requestRef } }, upsert: true },
        })), { ordered: false });
      }
      if (!check || (check.answeredBy ?? []).includes(agency)) return;
      await checks.updateOne({ _id: requestRef }, { $addToSet: { answeredBy: agency }, $push: { withheld: { $each: withheld.map((w) => ({ ...w, agency })) } } });
    },
    async entriesOf(requestRef: string): Promise<ChronologyEntry[]> {
      return entries.find({ requestRef }).sort({ occurredAt: 1, eventId: 1 }).lean<ChronologyEntry[]>();
    },
    /** Forget checks past their expiry, with everything they hold. */
    async purgeExpired(now: Date): Promise<number> {
      const expired = await checks.find({ expiresAt: { $lte: now.toISOString() } }, { _id: 1 }).lean<{ _id: string }[]>();
      const refs = expired.map((e) => e._id);
      if (refs.length === 0) return 0;
      await entries.deleteMany({ requestRef: { $in: refs } });
      await checks.deleteMany({ _id: { $in: refs } });
      return refs.length;
    },
  };
}

export type ChronologyStore = ReturnType<typeof createChronologyStore>;
