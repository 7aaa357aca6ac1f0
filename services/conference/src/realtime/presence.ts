import { randomUUID } from 'node:crypto';
import { Schema, type Connection } from 'mongoose';
import { modelOf } from '@convene/shared/mongo';
import type { Agency, Role } from '@convene/shared/contracts';
import type { PresentUser } from '@convene/shared/contracts';
import type { PushStore } from '../db/pushes.js';

/** One socket in one meeting, on one instance. A user with two tabs has two entries. */
export interface PresenceEntry {
  meetingId: string;
  socketId: string;
  instanceId: string;
  userId: string;
  displayName?: string | undefined;
  role: Role;
  agency: Agency;
  since: string;
}

interface PresenceDoc extends PresenceEntry {
  _id: string;
}

const presenceSchema = new Schema<PresenceDoc>({
  _id: { type: String, required: true },
  meetingId: { type: String, required: true },
  socketId: { type: String, required: true },
  instanceId: { type: String, required: true },
  userId: { type: String, required: true },
  displayName: { type: String },
  role: { type: String, required: true },
  agency: { type: String, required: true },
  since: { type: String, required: true },
}, { versionKey: false, collection: 'presence' });
presenceSchema.index({ meetingId: 1, since: 1 });
presenceSchema.index({ instanceId: 1 });

/**
 * Who is in each meeting, kept in the database so every instance can list it, and announced as a
 * `presence` push so it reaches every instance's sockets through the same ordered log.
 */
export function createPresence(db: Connection, pushes: Pick<PushStore, 'append'>, instanceId: string, coalesceMs = 200) {
  const model = modelOf(db, 'Presence', presenceSchema);
  /** Announcements waiting to start, per meeting: every join or leave until one starts shares it. */
  const waiting = new Map<string, Promise<void>>();
  const idOf = (meetingId: string, socketId: string) => `${meetingId}|${socketId}`;

  async function present(meetingId: string): Promise<PresentUser[]> {
    const docs = await model.find({ meetingId }).sort({ since: 1, _id: 1 }).lean<PresenceDoc[]>();
    const users = new Map<string, PresentUser>();
    for (const d of docs) {
      if (users.has(d.userId)) continue;
      users.set(d.userId, { userId: d.userId, agency: d.agency, role: d.role, ...(d.displayName ? { displayName: d.displayName } : {}) });
    }
    return [...users.values()];
  }

  /**
   * Append who is present now. Two instances announcing at once can append an older list after a newer
   * one, so read again after appending and announce once more if it changed: the last push converges
   * on the current list. A lost append (seq collision) is retried within the same few rounds.
   */
  async function announceNow(meetingId: string): Promise<void> {
    let announced: string | undefined;
    for (let round = 0; round < 3; round++) {
      const users = await present(meetingId);
      const key = JSON.stringify(users);
      if (key === announced) return;
      const appended = await pushes.append({
        meetingId, kind: 'presence', caseRef: null, sharing: 'partnership', audience: null,
        payload: { present: users }, sourceId: randomUUID(),
      });
      // A fresh source id cannot be a redelivery: undefined means the seq collided with another writer's.
      if (appended) announced = key;
    }
  }

  return {
    present,
    async enter(entry: Omit<PresenceEntry, 'instanceId' | 'since'>): Promise<void> {
      const doc: PresenceDoc = { ...entry, instanceId, since: new Date().toISOString(), _id: idOf(entry.meetingId, entry.socketId) };
      if (!doc.displayName) delete doc.displayName;
      await model.replaceOne({ _id: doc._id }, doc, { upsert: true });
    },
    async leave(meetingId: string, socketId: string): Promise<void> {
      await model.deleteOne({ _id: idOf(meetingId, socketId) });
    },
    /** Remove every entry of this instance (shutting down); the meetings they were in, to announce. */
    async leaveInstance(): Promise<string[]> {
      const docs = await model.find({ instanceId }, { meetingId: 1 }).lean<Pick<PresenceDoc, 'meetingId'>[]>();
      await model.deleteMany({ instanceId });
      return [...new Set(docs.map((d) => d.meetingId))];
    },
    /**
     * Announce who is present, shortly: the joins and leaves of a burst (a room filling up) share one
     * announcement, which lists everyone present when it starts. One per join would put n lists of up to n
     * names into the push log for a room of n, and every reader of the log would pay for them.
     */
    announce(meetingId: string): Promise<void> {
      let next = waiting.get(meetingId);
      if (!next) {
        next = new Promise<void>((resolve) => setTimeout(resolve, coalesceMs)).then(() => {
          waiting.delete(meetingId);
          return announceNow(meetingId);
        });
        waiting.set(meetingId, next);
      }
      return next;
    },
  };
}

export type Presence = ReturnType<typeof createPresence>;
