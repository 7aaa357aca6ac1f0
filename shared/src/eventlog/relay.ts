import type { CaseEvent } from '../contracts/index.js';
import type { EventPublisher } from '../kafka/index.js';
import type { Logger } from '../log/index.js';
import type { PublishQueue } from './eventStore.js';
import { inTurn as oneAtATime } from './inTurn.js';

export interface OutboxRelay {
  /** Ask for a publish pass soon (after a write), rather than waiting for the next poll. */
  nudge(): void;
  /**
   * Publish events this process has just recorded and projected, handed over from memory (no outbox read),
   * after anything being published already; resolves once Kafka has them. Their outbox entries are for the
   * caller to take out; if this fails they stay, and a later pass publishes them.
   */
  publishNow(events: readonly CaseEvent[]): Promise<void>;
  /** Run one pass now; resolves with how many events were published. */
  flush(): Promise<number>;
  stop(): Promise<void>;
  readonly published: number;
}

export interface RelayOptions {
  queue: PublishQueue;
  publisher: EventPublisher;
  logger: Logger;
  pollMs?: number;
  /** The longest wait between polls that find nothing (default 2 s). */
  maxIdleMs?: number;
  /** Events per Kafka request (default 500). */
  batchSize?: number;
  /** Events taken from the outbox per read, published in batches, then taken out together (default 20,000). */
  readSize?: number;
  onPublished?: (events: CaseEvent[]) => void;
}

/**
 * Publishes the outbox in the order it was written, then takes what Kafka acknowledged out of it. A crash
 * between the two means those events are sent again on restart: consumers dedupe by event id, so nothing is
 * lost or doubled.
 *
 * Live, the outbox holds a handful of entries and a read takes them all. With a backlog (a broker away for a
 * while, a bulk import) it is big, and a stand-in that reads a whole collection per query pays for its size on
 * every read: so each read takes up to `readSize` entries, which go to Kafka in `batchSize` batches and leave
 * the outbox together (docs/performance.md).
 */
export function startOutboxRelay(options: RelayOptions): OutboxRelay {
  const { queue, publisher, logger } = options;
  const pollMs = options.pollMs ?? 250;
  const batchSize = options.batchSize ?? 500;
  const readSize = Math.max(batchSize, options.readSize ?? 20_000);
  let stopped = false;
  let running: Promise<number> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let published = 0;
  let failures = 0;
  // Passes over the outbox and hand-overs go to Kafka one at a time, so each keeps the order it was given.
  const inTurn = oneAtATime();

  async function send(events: readonly CaseEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += batchSize) await publisher.publish(events.slice(i, i + batchSize));
    published += events.length;
    options.onPublished?.([...events]);
  }

  async function pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const queued = await queue.toPublish(readSize);
      if (queued.length === 0) return total;
      await send(queued.map((q) => q.event));
      await queue.published(queued);
      total += queued.length;
      if (queued.length < readSize) return total;
    }
  }

  function flush(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = inTurn(pass)
      .then((n) => {
        failures = 0;
        return n;
      })
      .catch((err: unknown) => {
        failures++;
        // Broker or database away: keep the events and try again on the next poll.
        if (failures === 1 || failures % 20 === 0) logger.warn({ err: (err as Error).message, failures }, 'outbox relay could not publish; will retry');
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void flush();
        }
      });
    return running;
  }

  // Writes through this process nudge the relay; the poll only finds what others wrote (or a failed pass left).
  // A poll that finds nothing waits twice as long next time, up to maxIdleMs; anything found or a nudge resets it.
  const maxIdleMs = Math.max(pollMs, options.maxIdleMs ?? 2000);
  let idleMs = pollMs;
  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void flush().then((n) => {
        idleMs = n > 0 || failures > 0 ? pollMs : Math.min(idleMs * 2, maxIdleMs);
      }).finally(schedule);
    }, idleMs);
  }
  schedule();

  return {
    nudge: () => {
      idleMs = pollMs;
      void flush();
    },
    publishNow: (events) => (events.length === 0 ? Promise.resolve() : inTurn(() => send(events))),
    flush,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      // Whatever is queued settles first.
      await inTurn(async () => undefined);
    },
    get published() {
      return published;
    },
  };
}

/**
 * The relay as a recorder built before it needs it: the relay starts with the service, after the recorder is
 * wired. Until then a hand-over fails, and the entries wait for the relay's first pass.
 */
export function relayOnceStarted(current: () => OutboxRelay | undefined): Pick<OutboxRelay, 'nudge' | 'publishNow'> {
  return {
    nudge: () => current()?.nudge(),
    publishNow: (events) => current()?.publishNow(events) ?? Promise.reject(new Error('the outbox relay is not started')),
  };
}
