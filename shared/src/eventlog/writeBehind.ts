import type { CaseEvent } from '../contracts/index.js';
import type { EventStore, QueuedRecord } from './eventStore.js';
import type { OutboxRelay } from './relay.js';

export interface WriteBehindDeps {
  store: Pick<EventStore, 'appendToLog' | 'settle'>;
  /** Applies an event to the read model. Idempotent: the projection repair may run it again. */
  project: (event: CaseEvent) => Promise<void>;
  relay: Pick<OutboxRelay, 'nudge' | 'publishNow'>;
  /** The most events taken in one round (default 500). */
  maxBatch?: number;
}

/** Records that may touch the same read-model documents share a lane: the case, else the first subject; none, one lane for all. */
function laneOf(event: CaseEvent): string {
  return event.subject ?? (event.subjects.find((s) => s.role === 'victim') ?? event.subjects[0])?.tokens[0] ?? '';
}

interface Waiting {
  queued: QueuedRecord;
  settled: (err?: unknown) => void;
}

/**
 * What follows a command's one insert, done for every command waiting at that moment together: their log
 * documents in one write; then the events to share go to Kafka straight from memory while the read model takes
 * them in recording order; the requests are answered (each after its own read model shows the record) and,
 * without holding up the next round, the round's outbox entries leave in one delete once Kafka has them. Concurrent requests share the database's work instead of queueing writes each.
 * A round that fails leaves the entries for the repair and the relay's pass over the outbox.
 */
export function createWriteBehind(deps: WriteBehindDeps) {
  const maxBatch = deps.maxBatch ?? 500;
  let waiting: Waiting[] = [];
  let running: Promise<void> | undefined;

  async function round(batch: Waiting[]): Promise<void> {
    let recordedBefore: Set<string>;
    try {
      recordedBefore = await deps.store.appendToLog(batch.map((w) => w.queued));
    } catch (err) {
      for (const w of batch) w.settled(err);
      return;
    }
    // In the log: the events to share go to Kafka now, from memory, beside the read model's writes (the live
    // path waits for no more than the log). The relay keeps the rounds' order.
    const toSend = batch.filter((w) => w.queued.publish && !recordedBefore.has(w.queued.event.id)).map((w) => w.queued.event);
    const sent = toSend.length === 0 ? Promise.resolve(true) : deps.relay.publishNow(toSend).then(() => true, () => false);
    const projected: Waiting[] = [];
    const done: { id: string; publish: boolean }[] = [];
    // In recording order per case (or person); different cases' records go to the read model side by side.
    const lanes = new Map<string, Waiting[]>();
    for (const w of batch) {
      const key = laneOf(w.queued.event);
      lanes.set(key, [...(lanes.get(key) ?? []), w]);
    }
    await Promise.all([...lanes.values()].map(async (lane) => {
      for (const w of lane) {
        const { event, publish } = w.queued;
        // Recorded and finished by an earlier command with the same id: this entry is a leftover.
        if (recordedBefore.has(event.id)) {
          done.push({ id: event.id, publish: false });
          projected.push(w);
          continue;
        }
        try {
          await deps.project(event);
          done.push({ id: event.id, publish });
          projected.push(w);
        } catch (err) {
          w.settled(err);
        }
      }
    }));
    // The log and the read model hold them: their requests are answered now, and the next round may start.
    // Taking the entries out follows once Kafka has them; a crash before that is finished by the repair and the
    // relay (a second publish is dropped by event id). A record whose projection failed keeps its entry.
    for (const w of projected) w.settled();
    void settleOnceSent(sent, done);
  }

  async function settleOnceSent(sent: Promise<boolean>, done: { id: string; publish: boolean }[]): Promise<void> {
    // Kafka away: the entries stay for the relay's next pass over the outbox.
    const published = await sent;
    try {
      await deps.store.settle(done, { published });
    } catch {
      // Entries left as they were: the repair projects them again (a no-op) and settles them.
    }
    if (!published) deps.relay.nudge();
  }

  async function drain(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch);
      waiting = waiting.slice(batch.length);
      await round(batch);
    }
    running = undefined;
  }

  return {
    /** Resolves once the event is in the log and the read model, and its outbox entry waits only for the relay. */
    settle(queued: QueuedRecord): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ queued, settled: (err) => (err === undefined ? resolve() : reject(err)) });
        running ??= Promise.resolve().then(drain);
      });
    },
  };
}
