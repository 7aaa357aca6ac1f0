import type { Logger } from '@convene/shared/log';
import type { Push, PushStore } from '../db/pushes.js';

/** One socket's view of one meeting: what it may see, and the last seq it was given. */
export interface Subscriber {
  lastSent: number;
  mayReceive(push: Push): boolean;
}

export interface FeedDeps {
  pushes: Pick<PushStore, 'since' | 'latestSeq'>;
  /**
   * Send one push to these sockets. One call per push for all who may see it, so the transport encodes it
   * once (socket.io's broadcast to their rooms), not once per socket: in a room of a thousand that was most
   * of the conference's CPU.
   */
  send(push: Push, socketIds: string[]): void;
  logger: Logger;
  /** How long a gap in the log is waited on before it is skipped. */
  holdMs: number;
  now?: () => number;
}

const PAGE = 500;

/**
 * One meeting's feed on this instance: reads the push log in seq order from `cursor` and offers each push
 * to the local subscribers. Every step runs one at a time (polls, joins, leaves), so a joining socket's
 * catch-up can never interleave with a live push.
 */
export function createMeetingFeed(meetingId: string, deps: FeedDeps) {
  const now = deps.now ?? Date.now;
  const subscribers = new Map<string, Subscriber>();
  /** The last seq this instance has taken from the log (undefined until the first join). */
  let cursor: number | undefined;
  let gapSeenAt: number | undefined;
  let retired = false;
  let queue: Promise<unknown> = Promise.resolve();

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  /** Strictly increasing, never twice: a push the viewer may not see still moves lastSent on. */
  function takes(sub: Subscriber, push: Push): boolean {
    if (push.seq <= sub.lastSent) return false;
    sub.lastSent = push.seq;
    return sub.mayReceive(push);
  }

  function offerToAll(push: Push): void {
    const to: string[] = [];
    for (const [socketId, sub] of subscribers) if (takes(sub, push)) to.push(socketId);
    if (to.length > 0) deps.send(push, to);
  }

  async function pollOnce(from: number): Promise<'more' | 'done'> {
    const fresh = await deps.pushes.since(meetingId, from, PAGE);
    for (const push of fresh) {
      const expected = cursor! + 1;
      if (push.seq > expected) {
        // Another writer may hold seq `expected` and not have inserted it yet: wait a little, then move on.
        gapSeenAt ??= now();
        if (now() - gapSeenAt < deps.holdMs) return 'done';
        deps.logger.warn({ meetingId, missing: [expected, push.seq - 1] }, 'gap in the push log skipped');
      }
      gapSeenAt = undefined;
      cursor = push.seq;
      offerToAll(push);
    }
    return fresh.length === PAGE ? 'more' : 'done';
  }

  async function readRange(after: number, upTo: number): Promise<Push[]> {
    const found: Push[] = [];
    while (after < upTo) {
      const page = await deps.pushes.since(meetingId, after, PAGE);
      found.push(...page.filter((p) => p.seq <= upTo));
      const last = page[page.length - 1];
      if (!last || page.length < PAGE) break;
      after = last.seq;
    }
    return found;
  }

  return {
    meetingId,
    get size(): number {
      return subscribers.size;
    },

    poll: () => serial(async () => {
      if (retired || cursor === undefined) return;
      // One read of the log after `cursor` per tick. On FerretDB 1.24 that reads the whole push log, but so
      // does a lookup by _id that finds nothing (measured: 34 ms for a missing _id among 2,000 pushes, 4.5 ms
      // for one near the start), so looking the next pushes up one seq at a time cost more, not less.
      while (await pollOnce(cursor) === 'more');
    }),

    /**
     * Add a socket. `ready(latestSeq)` is called (to acknowledge the join) once nothing can fail any more,
     * then the pushes after `lastSeq` up to latestSeq are sent, then live delivery starts. False if this
     * feed was retired meanwhile: ask the fan-out for a fresh one.
     */
    subscribe: (socketId: string, sub: Subscriber, lastSeq: number | undefined, ready: (latestSeq: number) => void) => serial(async () => {
      if (retired) return false;
      cursor ??= await deps.pushes.latestSeq(meetingId);
      const latest = cursor;
      const floor = Math.max(lastSeq ?? latest, subscribers.get(socketId)?.lastSent ?? 0);
      const missed = floor < latest ? await readRange(floor, latest) : [];
      ready(latest);
      sub.lastSent = floor;
      for (const push of missed) if (takes(sub, push)) deps.send(push, [socketId]);
      sub.lastSent = Math.max(sub.lastSent, latest);
      subscribers.set(socketId, sub);
      return true;
    }),

    /** Remove a socket; true when the feed has no one left and is retired. */
    unsubscribe: (socketId: string) => serial(async () => {
      subscribers.delete(socketId);
      if (subscribers.size === 0) retired = true;
      return retired;
    }),
  };
}

export type MeetingFeed = ReturnType<typeof createMeetingFeed>;
