import { Schema, type Connection } from 'mongoose';
import { DEFAULT_PEER_REFRESH_MS, mirrored, modelOf } from '@convene/shared/mongo';
import { notFound } from '@convene/shared/errors';
import type { Meeting } from '../domain/meeting.js';
import { runningMeetings } from './runningMeetings.js';

export interface MeetingDoc extends Meeting {
  _id: string;
}

const meetingSchema = new Schema<MeetingDoc>({
  _id: { type: String, required: true },
  meetingId: { type: String, required: true },
  title: String,
  scheduledFor: String,
  chair: { type: Schema.Types.Mixed },
  members: { type: Schema.Types.Mixed },
  agenda: { type: [String], default: [] },
  status: String,
  position: { type: Number, default: null },
  startedAt: { type: String, default: null },
  endedAt: { type: String, default: null },
  attendance: { type: Schema.Types.Mixed, default: null },
  area: { type: String, default: null },
  appliedEventIds: { type: [String], default: [] },
}, { versionKey: false, collection: 'meetings', minimize: false });
meetingSchema.index({ agenda: 1, status: 1 });
meetingSchema.index({ 'members.userId': 1 });

const strip = ({ _id, ...meeting }: MeetingDoc): Meeting => meeting;

/**
 * The meetings, in the database. Where a round's pushes go (the meetings not ended, by case) is answered from
 * those meetings mirrored in memory, so the live path reads nothing: this instance's saves show at once, another
 * instance's at the next re-read (`refreshMs`), behind the rounds.
 */
export function createMeetingStore(db: Connection, options: { refreshMs?: number } = {}) {
  const model = modelOf(db, 'Meeting', meetingSchema);
  const running = mirrored({
    readAll: async () => (await model.find({ status: { $ne: 'ended' } }).lean<MeetingDoc[]>()).map(strip),
    build: runningMeetings,
    refreshMs: options.refreshMs ?? DEFAULT_PEER_REFRESH_MS,
  });
  return {
    model,
    async find(meetingId: string): Promise<Meeting | undefined> {
      const doc = await model.findById(meetingId).lean<MeetingDoc>();
      return doc ? strip(doc) : undefined;
    },
    async get(meetingId: string): Promise<Meeting> {
      const meeting = await this.find(meetingId);
      if (!meeting) throw notFound('meeting', meetingId);
      return meeting;
    },
    async save(meeting: Meeting): Promise<void> {
      const write = () => model.replaceOne({ _id: meeting.meetingId }, { _id: meeting.meetingId, ...meeting }, { upsert: true });
      try {
        await write();
      } catch (err) {
        // Two upserts of a new meeting at once: the loser's insert hits the unique _id; the document now
        // exists, so the retry is a plain replace.
        if ((err as { code?: unknown }).code !== 11000) throw err;
        await write();
      }
      running.changed(meeting.meetingId, meeting);
    },
    /**
     * Another instance changed this meeting (its `meeting.state` push, which follows its save, reached this one):
     * read it again now rather than at the next re-read of them all.
     */
    async reload(meetingId: string): Promise<void> {
      await running.reload(meetingId, async () => {
        const doc = await model.findById(meetingId).lean<MeetingDoc>();
        return doc ? strip(doc) : undefined;
      });
    },
    /** The meetings (not ended) with each of these cases on the agenda: where their updates are pushed. */
    async activeWithCases(caseRefs: string[]): Promise<Map<string, Meeting[]>> {
      if (caseRefs.length === 0) return new Map();
      return (await running.index()).withCases(caseRefs);
    },
    async withCase(caseRef: string): Promise<Meeting[]> {
      return (await model.find({ agenda: caseRef }).lean<MeetingDoc[]>()).map(strip);
    },
    async forUser(userId: string): Promise<Meeting[]> {
      const docs = await model.find({ $or: [{ 'chair.userId': userId }, { 'members.userId': userId }] }).sort({ scheduledFor: -1 }).limit(200).lean<MeetingDoc[]>();
      return docs.map(strip);
    },
    async removeCase(caseRef: string): Promise<void> {
      await model.updateMany({ agenda: caseRef }, { $pull: { agenda: caseRef } });
      for (const meeting of (await running.index()).withCases([caseRef]).get(caseRef) ?? []) {
        running.changed(meeting.meetingId, { ...meeting, agenda: meeting.agenda.filter((ref) => ref !== caseRef) });
      }
    },
  };
}

export type MeetingStore = ReturnType<typeof createMeetingStore>;
