import { Schema, type Connection } from 'mongoose';
import type { MeetingPush } from '@convene/shared/contracts';
import { modelOf } from '@convene/shared/mongo';

/** What the meeting room is told, in order: every push has the meeting's next sequence number. */
export type Push = MeetingPush;
export type { PushKind } from '@convene/shared/contracts';

export interface PushDoc extends Push {
  _id: string;
  dedupeKey: string;
}

const pushSchema = new Schema<PushDoc>({
  _id: { type: String, required: true },
  meetingId: { type: String, required: true },
  seq: { type: Number, required: true },
  kind: { type: String, required: true },
  caseRef: { type: String, default: null },
  sharing: { type: String, required: true },
  audience: { type: Schema.Types.Mixed, default: null },
  payload: { type: Schema.Types.Mixed, required: true },
  at: { type: String, required: true },
  sourceId: { type: String, required: true },
  dedupeKey: { type: String, required: true, unique: true },
}, { versionKey: false, collection: 'pushes', minimize: false });
pushSchema.index({ meetingId: 1, seq: 1 });

export type NewPush = Omit<Push, 'seq' | 'at'> & { at?: string };

const strip = ({ _id, dedupeKey, ...push }: PushDoc): Push => push;

export function createPushStore(db: Connection) {
  const model = modelOf(db, 'Push', pushSchema);
  /**
   * The last seq this store appended per meeting. On FerretDB (SQLite backend) no query uses an index (a
   * lookup by _id stops at the match): finding the latest seq, or whether a dedupeKey exists, reads every push, which made each append
   * cost O(pushes). With the hint, and the unique dedupeKey index doing the dedupe, an append is one insert;
   * the log is read only for a meeting not seen yet or after a collision.
   */
  const hints = new Map<string, number>();
  async function latestSeq(meetingId: string): Promise<number> {
    const last = await model.find({ meetingId }).sort({ seq: -1 }).limit(1).lean<PushDoc[]>();
    return last[0]?.seq ?? 0;
  }
  return {
    model,
    /**
     * Append a push with the meeting's next sequence number. A push already made from the same source is
     * not made again (redelivery), so sequence numbers are only taken for new pushes.
     */
    async append(push: NewPush): Promise<Push | undefined> {
      const dedupeKey = `${push.meetingId}|${push.sourceId}|${push.kind}`;
      // The push's own _id (meeting:seq) is unique, so two writers can never share a sequence number:
      // the loser of a race (or a stale hint) takes the next one. dedupeKey is unique too: a redelivered
      // push fails to insert (taking no number). Which of the two refused an insert is told by _id alone
      // (cheap): the seq's holder is this very push (a redelivery), another push (the seq is taken), or none —
      // then dedupeKey refused it, unless the holder was deleted meanwhile, which a second try tells apart.
      let seq = (hints.get(push.meetingId) ?? (await latestSeq(push.meetingId))) + 1;
      let refusedWithoutHolder = 0;
      for (let attempt = 0; attempt < 200; attempt++) {
        const doc: PushDoc = { ...push, at: push.at ?? new Date().toISOString(), seq, _id: `${push.meetingId}:${seq}`, dedupeKey };
        try {
          await model.create(doc);
          hints.set(push.meetingId, seq);
          return strip(doc);
        } catch (err) {
          if ((err as { code?: number }).code !== 11000) throw err;
          const holder = await model.findById(doc._id).lean<PushDoc>();
          if (holder?.dedupeKey === dedupeKey) return undefined;
          if (!holder) {
            if (++refusedWithoutHolder >= 2) return undefined;
            continue;
          }
          seq = Math.max(seq + 1, (await latestSeq(push.meetingId)) + 1);
        }
      }
      throw new Error(`could not append a push to meeting ${push.meetingId}: too much contention`);
    },
    /** Pushes after a sequence number, in order: what a reconnecting client missed. */
    async since(meetingId: string, afterSeq: number, limit = 1000): Promise<Push[]> {
      return (await model.find({ meetingId, seq: { $gt: afterSeq } }).sort({ seq: 1 }).limit(limit).lean<PushDoc[]>()).map(strip);
    },
    latestSeq,
    /** Forget a case's advocacy pushes: consent narrowed or revoked, so catch-up must not replay them. */
    async removeAdvocacy(caseRef: string): Promise<void> {
      await model.deleteMany({ caseRef, 'payload.entry.agency': 'advocacy' });
    },
    async removeCase(caseRef: string): Promise<void> {
      await model.deleteMany({ $or: [{ caseRef }, { 'payload.caseRef': caseRef }, { 'payload.agenda': caseRef }] });
    },
  };
}

export type PushStore = ReturnType<typeof createPushStore>;
