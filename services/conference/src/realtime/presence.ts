import type { Agency, PresentUser, Role } from '@convene/shared/contracts';
import type { Live } from '../live/index.js';

/** One socket in one meeting on this instance. A user with two tabs has two entries. */
export interface PresenceEntry {
  meetingId: string;
  socketId: string;
  userId: string;
  displayName?: string | undefined;
  role: Role;
  agency: Agency;
}

type Present = PresentUser & { since: string };

export interface PresenceOptions {
  /** Joins and leaves within this long share one announcement. */
  coalesceMs?: number;
  /** How often the sockets here are announced again while there are any (an instance not heard from expires). */
  heartbeatMs?: number;
}

/**
 * Who is in each meeting through this instance, held in memory and announced on the live topic; every
 * instance merges the announcements of all (meetingLogs) into the `presence` pushes its sockets get. An
 * instance that stops announcing (killed) drops out after the logs' expiry.
 */
export function createPresence(live: Pick<Live, 'presence' | 'instanceId'>, options: PresenceOptions = {}) {
  const coalesceMs = options.coalesceMs ?? 200;
  const local = new Map<string, Map<string, Present>>();
  const waiting = new Map<string, Promise<void>>();

  function listed(meetingId: string): Present[] {
    const users = new Map<string, Present>();
    for (const entry of [...(local.get(meetingId)?.values() ?? [])].sort((a, b) => a.since.localeCompare(b.since))) {
      if (!users.has(entry.userId)) users.set(entry.userId, entry);
    }
    return [...users.values()];
  }
  const announceNow = (meetingId: string) => live.presence({ meetingId, instanceId: live.instanceId, present: listed(meetingId) });

  const heartbeat = setInterval(() => {
    for (const meetingId of local.keys()) void announceNow(meetingId).catch(() => undefined);
  }, options.heartbeatMs ?? 5000);
  heartbeat.unref();

  return {
    enter(entry: PresenceEntry): void {
      const room = local.get(entry.meetingId) ?? new Map<string, Present>();
      const { meetingId: _m, socketId, displayName, ...user } = entry;
      room.set(socketId, { ...user, ...(displayName ? { displayName } : {}), since: new Date().toISOString() });
      local.set(entry.meetingId, room);
    },
    leave(meetingId: string, socketId: string): void {
      const room = local.get(meetingId);
      room?.delete(socketId);
      if (room?.size === 0) local.delete(meetingId);
    },
    /** Forget every socket here (shutting down); the meetings they were in, to announce. */
    leaveInstance(): string[] {
      clearInterval(heartbeat);
      const meetings = [...local.keys()];
      local.clear();
      return meetings;
    },
    /** Announce who is here, shortly: the joins and leaves of a burst (a room filling up) share one announcement. */
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
