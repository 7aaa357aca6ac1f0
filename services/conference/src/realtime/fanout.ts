import type { Principal } from '@convene/shared/auth';
import type { Live, Push } from '../live/index.js';
import { judgeOnce } from './visibility.js';

/** One socket's view of one meeting: who is looking, which of the meeting's cases may reach them, the last seq it was given. */
export interface Subscriber {
  lastSent: number;
  viewer: Pick<Principal, 'agency' | 'role'>;
  inScope(push: Push): boolean;
}

export interface FanoutDeps {
  live: Pick<Live, 'logs' | 'onPush' | 'caughtUp'>;
  /**
   * Send one push to these sockets. One call per push for all who may see it, so the transport encodes it
   * once (socket.io's broadcast to their rooms), not once per socket: in a room of a thousand that was most
   * of the conference's CPU.
   */
  send(push: Push, socketIds: string[]): void;
}

/** Strictly increasing, never twice: a push the viewer may not see still moves lastSent on. */
function takes(sub: Subscriber, push: Push, visibleTo: (viewer: Subscriber['viewer']) => boolean): boolean {
  if (push.seq <= sub.lastSent) return false;
  sub.lastSent = push.seq;
  return sub.inScope(push) && visibleTo(sub.viewer);
}

/**
 * This instance's sockets per meeting, fed from the live topic as this instance reads it. A join's catch-up
 * and the switch to live delivery happen in one synchronous step, so no push can fall between them; joins and
 * leaves run one at a time, so a leave that follows a join is applied after it.
 */
export function createFanout(deps: FanoutDeps) {
  const rooms = new Map<string, Map<string, Subscriber>>();
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => T | Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  const stopListening = deps.live.onPush((push) => {
    const room = rooms.get(push.meetingId);
    if (!room) return;
    const to: string[] = [];
    const visibleTo = judgeOnce(push);
    for (const [socketId, sub] of room) if (takes(sub, push, visibleTo)) to.push(socketId);
    if (to.length > 0) deps.send(push, to);
  });

  return {
    /**
     * Add a socket. `ready(latestSeq)` acknowledges the join, then the pushes after `lastSeq` up to latestSeq
     * are sent, then live delivery starts. Waits until this instance has read the live topic up to when it started.
     */
    subscribe: (meetingId: string, socketId: string, sub: Subscriber, lastSeq: number | undefined, ready: (latestSeq: number) => void) => serial(async () => {
      await deps.live.caughtUp();
      const room = rooms.get(meetingId) ?? new Map<string, Subscriber>();
      const latest = deps.live.logs.latestSeq(meetingId);
      const floor = Math.max(lastSeq ?? latest, room.get(socketId)?.lastSent ?? 0);
      ready(latest);
      sub.lastSent = floor;
      for (const push of deps.live.logs.since(meetingId, floor)) if (takes(sub, push, judgeOnce(push))) deps.send(push, [socketId]);
      room.set(socketId, sub);
      rooms.set(meetingId, room);
    }),
    unsubscribe: (meetingId: string, socketId: string) => serial(() => {
      const room = rooms.get(meetingId);
      room?.delete(socketId);
      if (room?.size === 0) rooms.delete(meetingId);
    }),
    stop(): void {
      stopListening();
      rooms.clear();
    },
    /** Meetings with sockets on this instance (for health and tests). */
    meetings(): string[] {
      return [...rooms.keys()];
    },
  };
}

export type Fanout = ReturnType<typeof createFanout>;
