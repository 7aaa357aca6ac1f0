import { Schema, type Connection } from 'mongoose';
import type { AudienceEntry, Sharing } from '@convene/shared/contracts';
import { modelOf } from '@convene/shared/mongo';
import type { createCounters } from './counters.js';

/** What the meeting room is told, in order: every push has the meeting's next sequence number. */
export type PushKind = 'case.updated' | 'timeline.entry' | 'alert' | 'action.changed' | 'agenda.moved' | 'meeting.state' | 'presence';

export interface Push {
  meetingId: string;
  seq: number;
  kind: PushKind;
  caseRef: string | null;
  /** Who may receive it: the same rule as the timeline entry it comes from. */
  sharing: Exclude<Sharing, 'agency'>;
  audience: AudienceEntry[] | null;
  payload: Record<string, unknown>;
  at: string;
  /** The event it comes from (with kind, it makes the push idempotent), or a presence change id. */
  sourceId: string;
}

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

export function createPushStore(db: Connection, counters: ReturnType<typeof createCounters>) {
  const model = modelOf(db, 'Push', pushSchema);
  return {
    model,
    /**
     * Append a push with the meeting's next sequence number. A push already made from the same source is
     * not made again (redelivery), so sequence numbers are only taken for new pushes.
     */
    async append(push: NewPush): Promise<Push | undefined> {
      const dedupeKey = `${push.meetingId}|${push.sourceId}|${push.kind}`;
      if (await model.exists({ dedupeKey })) return undefined;
      const seq = await counters.next(`push:${push.meetingId}`);
      const doc: PushDoc = { ...push, at: push.at ?? new Date().toISOString(), seq, _id: `${push.meetingId}:${seq}`, dedupeKey };
      try {
        await model.create(doc);
      } catch (err) {
        if ((err as { code?: number }).code === 11000) return undefined;
        throw err;
      }
      return strip(doc);
    },
    /** Pushes after a sequence number, in order: what a reconnecting client missed. */
    async since(meetingId: string, afterSeq: number, limit = 1000): Promise<Push[]> {
      return (await model.find({ meetingId, seq: { $gt: afterSeq } }).sort({ seq: 1 }).limit(limit).lean<PushDoc[]>()).map(strip);
    },
    async latestSeq(meetingId: string): Promise<number> {
      const last = await model.find({ meetingId }).sort({ seq: -1 }).limit(1).lean<PushDoc[]>();
      return last[0]?.seq ?? 0;
    },
    async removeCase(caseRef: string): Promise<void> {
      await model.deleteMany({ $or: [{ caseRef }, { 'payload.caseRef': caseRef }, { 'payload.agenda': caseRef }] });
    },
  };
}

export type PushStore = ReturnType<typeof createPushStore>;
