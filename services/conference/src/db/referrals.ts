import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@convene/shared/mongo';

/** Which case each referral became: a redelivered referral finds its case instead of opening another. */
interface ReferralDoc {
  _id: string;
  caseRef: string;
  at: Date;
}

const referralSchema = new Schema<ReferralDoc>({ _id: String, caseRef: String, at: Date }, { versionKey: false, collection: 'referrals' });

export function createReferralLog(db: Connection) {
  const model = modelOf(db, 'Referral', referralSchema);
  return {
    async caseFor(referralEventId: string): Promise<string | undefined> {
      return (await model.findById(referralEventId).lean<ReferralDoc>())?.caseRef;
    },
    /** Claim a case reference for a referral; if another instance got there first, theirs wins. */
    async claim(referralEventId: string, caseRef: string): Promise<string> {
      try {
        await model.create({ _id: referralEventId, caseRef, at: new Date() });
        return caseRef;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        return (await model.findById(referralEventId).lean<ReferralDoc>())!.caseRef;
      }
    },
    async removeCase(caseRef: string): Promise<void> {
      await model.deleteMany({ caseRef });
    },
  };
}
