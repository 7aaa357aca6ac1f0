/*
 * Why the fan-out polls the push log.
 *
 * Several conference instances may serve the same meeting, and there is no shared pub/sub between them: no
 * Redis adapter, and the database is FerretDB, which has neither change streams nor tailable cursors. So
 * the push log in MongoDB is the single source of truth. The projector appends each push with the
 * meeting's next seq (an atomic counter); every instance polls the log (`since(meetingId, cursor)`) every
 * `pollMs` for the meetings that have sockets on it, and hands each push, in seq order, to its own sockets
 * through the per-viewer filter. Because every instance reads the same log in the same order, clients on
 * different instances see the same pushes in the same order; a reconnecting client resumes from its last
 * seq on whichever instance it lands. A seq that is taken but not yet inserted (a slower writer) shows up
 * as a gap: the feed holds back for up to `holdMs` waiting for it, then skips it (clients may `catchUp`).
 * The price is up to `pollMs` of latency and one small indexed query per live meeting per tick.
 */
import type { Logger } from '@convene/shared/log';
import type { PushStore } from '../db/pushes.js';
import { createMeetingFeed, type FeedDeps, type MeetingFeed, type Subscriber } from './feed.js';

export interface FanoutDeps {
  pushes: Pick<PushStore, 'since' | 'latestSeq'>;
  send: FeedDeps['send'];
  logger: Logger;
  pollMs: number;
  holdMs: number;
}

export function createFanout(deps: FanoutDeps) {
  const feeds = new Map<string, MeetingFeed>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let stopped = true;

  const feedFor = (meetingId: string): MeetingFeed => {
    let feed = feeds.get(meetingId);
    if (!feed) {
      feed = createMeetingFeed(meetingId, deps);
      feeds.set(meetingId, feed);
    }
    return feed;
  };

  async function tick(): Promise<void> {
    await Promise.all([...feeds.values()].map((feed) => feed.poll().catch((err: unknown) => {
      deps.logger.warn({ meetingId: feed.meetingId, err: (err as Error).message }, 'push log poll failed; retrying');
    })));
    if (!stopped) timer = setTimeout(run, deps.pollMs);
  }
  function run(): void {
    ticking = tick();
  }

  async function unsubscribe(meetingId: string, socketId: string): Promise<void> {
    const feed = feeds.get(meetingId);
    if (feed && await feed.unsubscribe(socketId) && feeds.get(meetingId) === feed) feeds.delete(meetingId);
  }

  return {
    start(): void {
      stopped = false;
      run();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await ticking;
      feeds.clear();
    },
    /** See MeetingFeed.subscribe; rejects (and leaves nothing behind) if the log cannot be read. */
    async subscribe(meetingId: string, socketId: string, sub: Subscriber, lastSeq: number | undefined, ready: (latestSeq: number) => void): Promise<void> {
      for (;;) {
        const feed = feedFor(meetingId);
        try {
          if (await feed.subscribe(socketId, sub, lastSeq, ready)) return;
        } catch (err) {
          // Retire a feed this failed join created, so no one polls a meeting nobody is in.
          if (feed.size === 0) await unsubscribe(meetingId, socketId);
          throw err;
        }
        if (feeds.get(meetingId) === feed) feeds.delete(meetingId);
      }
    },
    unsubscribe,
    /** Meetings with sockets on this instance (for health and tests). */
    meetings(): string[] {
      return [...feeds.keys()];
    },
  };
}

export type Fanout = ReturnType<typeof createFanout>;
