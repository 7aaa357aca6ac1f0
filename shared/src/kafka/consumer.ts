import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { parseEventBytes, type CaseEvent } from '../contracts/index.js';
import { isRetriable } from '../errors/index.js';
import type { Logger } from '../log/index.js';
import { deadLetter, headerText, type DeadLetter } from './dlq.js';
import type { EventPublisher } from './producer.js';
import { HEADER_TRACEPARENT } from './producer.js';

export interface ConsumedEvent {
  event: CaseEvent;
  topic: string;
  partition: number;
  offset: string;
  traceparent: string | undefined;
}

export interface ConsumerStats {
  applied: number;
  deadLettered: number;
  retries: number;
  lastError: string | undefined;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  dlqTopic: string;
  publisher: EventPublisher;
  logger: Logger;
  /** Applies a run of valid events from one partition, in order. Must be idempotent: Kafka delivers at least once. */
  apply: (events: ConsumedEvent[]) => Promise<void>;
  fromBeginning?: boolean;
  /** The most events handed to `apply` at once (default 500). */
  maxBatch?: number;
  /** The most bytes fetched from one partition at a time (kafkajs default 1 MB). */
  maxBytesPerPartition?: number;
  maxEventBytes?: number;
  backoff?: { initialMs: number; maxMs: number };
  partitionsConsumedConcurrently?: number;
}

export interface RunningConsumer {
  readonly stats: ConsumerStats;
  readonly consumer: Consumer;
  /** Settles once the consumer has joined its group and been given partitions (rejects if it never can). */
  readonly joined: Promise<void>;
  stop(): Promise<void>;
}

class ConsumerStopped extends Error {
  constructor() {
    super('consumer stopped while retrying; the offset stays uncommitted');
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const HEARTBEAT_INTERVAL_MS = 1000;
/**
 * After a kill -9 the group waits this long for the dead member before a restarted one gets its partitions,
 * so it bounds how soon a restarted service consumes again. Chunks heartbeat while they apply (keepingAlive),
 * so only an event loop blocked this long drops a live member.
 */
const SESSION_TIMEOUT_MS = 8000;

/**
 * Heartbeat while `work` runs. Applying a chunk can take longer than the session timeout (a backlog after an
 * outage, big case views, a slow database): without heartbeats the broker drops the member mid-chunk, the
 * commit fails, the group rebalances and the same chunk is fetched and applied again, and again — the
 * consumer makes no progress at all (seen in tests/reliability/faults.rel.spec.ts). kafkajs sends a heartbeat
 * only when the interval has passed, so asking every second costs nothing; a failed one (a rebalance) is
 * reported by the heartbeat after the chunk, as before.
 */
async function keepingAlive<T>(payload: EachBatchPayload, work: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    if (payload.isRunning() && !payload.isStale()) payload.heartbeat().catch(() => undefined);
  }, 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Validate every message against the contracts, dead-letter what cannot be accepted (with the reason and
 * where it came from), apply the rest, and only then resolve and commit the offset. A retriable failure
 * (database or broker away) backs off and tries again without committing, so nothing is skipped.
 */
export async function runEventConsumer(options: EventConsumerOptions): Promise<RunningConsumer> {
  const { kafka, groupId, logger, publisher, dlqTopic } = options;
  const maxBatch = options.maxBatch ?? 500;
  const backoff = options.backoff ?? { initialMs: 200, maxMs: 10_000 };
  const stats: ConsumerStats = { applied: 0, deadLettered: 0, retries: 0, lastError: undefined };
  const consumer = kafka.consumer({
    groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250, sessionTimeout: SESSION_TIMEOUT_MS, heartbeatInterval: HEARTBEAT_INTERVAL_MS,
    ...(options.maxBytesPerPartition ? { maxBytesPerPartition: options.maxBytesPerPartition, maxBytes: Math.max(10 * 1024 * 1024, 3 * options.maxBytesPerPartition) } : {}),
  });

  async function untilDone<T>(what: string, payload: EachBatchPayload, work: () => Promise<T>): Promise<T> {
    let delay = backoff.initialMs;
    for (;;) {
      try {
        return await work();
      } catch (err) {
        if (!isRetriable(err)) throw err;
        stats.retries++;
        stats.lastError = (err as Error).message;
        logger.warn({ err: (err as Error).message, what, delayMs: delay }, 'retriable failure; backing off without committing');
        await sleep(delay);
        if (!payload.isRunning() || payload.isStale()) throw new ConsumerStopped();
        await payload.heartbeat();
        delay = Math.min(delay * 2, backoff.maxMs);
      }
    }
  }

  async function applyOrIsolate(events: ConsumedEvent[], payload: EachBatchPayload): Promise<DeadLetter[]> {
    try {
      await untilDone('apply', payload, () => options.apply(events));
      stats.applied += events.length;
      return [];
    } catch (err) {
      if (err instanceof ConsumerStopped) throw err;
      if (events.length === 1) {
        const only = events[0]!;
        logger.error({ eventId: only.event.id, type: only.event.type, err: (err as Error).message }, 'event could not be applied; dead-lettering it');
        return [{ message: messageOf(payload, only.offset), topic: only.topic, partition: only.partition, reason: 'apply_failed', detail: (err as Error).message }];
      }
      // One bad event must not hold back the rest: apply one at a time to find it.
      const letters: DeadLetter[] = [];
      for (const e of events) letters.push(...(await applyOrIsolate([e], payload)));
      return letters;
    }
  }

  function messageOf(payload: EachBatchPayload, offset: string): KafkaMessage {
    return payload.batch.messages.find((m) => m.offset === offset)!;
  }

  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
  // Not awaited: joining can wait out a dead member's session (a restart after kill -9), and the service
  // answers HTTP meanwhile; nothing is missed, as consuming starts from the committed offsets.
  const joined = consumer.run({
    autoCommit: true,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
    eachBatch: async (payload) => {
      const { batch } = payload;
      for (let start = 0; start < batch.messages.length; start += maxBatch) {
        if (!payload.isRunning() || payload.isStale()) return;
        const chunk = batch.messages.slice(start, start + maxBatch);
        const good: ConsumedEvent[] = [];
        const letters: DeadLetter[] = [];
        for (const message of chunk) {
          const parsed = parseEventBytes(message.value, options.maxEventBytes === undefined ? {} : { maxBytes: options.maxEventBytes });
          if (parsed.ok) {
            good.push({ event: parsed.event, topic: batch.topic, partition: batch.partition, offset: message.offset, traceparent: headerText(message.headers, HEADER_TRACEPARENT) ?? parsed.event.traceparent });
          } else {
            letters.push({ message, topic: batch.topic, partition: batch.partition, reason: parsed.reason, detail: parsed.detail });
          }
        }
        const chunkStarted = Date.now();
        try {
          await keepingAlive(payload, async () => {
            if (good.length > 0) letters.push(...(await applyOrIsolate(good, payload)));
            if (letters.length > 0) {
              await untilDone('dead-letter', payload, () => deadLetter(publisher, dlqTopic, groupId, letters));
              stats.deadLettered += letters.length;
              for (const l of letters) logger.warn({ topic: l.topic, partition: l.partition, offset: l.message.offset, reason: l.reason }, 'message dead-lettered');
            }
          });
        } catch (err) {
          if (err instanceof ConsumerStopped) return;
          throw err;
        }
        const tookMs = Date.now() - chunkStarted;
        if (tookMs > SESSION_TIMEOUT_MS / 3) logger.warn({ topic: batch.topic, partition: batch.partition, events: chunk.length, tookMs }, 'slow chunk: applying it took a third of the session timeout or more');
        payload.resolveOffset(chunk[chunk.length - 1]!.offset);
        await payload.commitOffsetsIfNecessary();
        await payload.heartbeat();
      }
    },
  });

  joined.catch((err: unknown) => logger.error({ groupId, err: (err as Error).message }, 'consumer could not join its group'));
  return {
    stats,
    consumer,
    joined,
    async stop() {
      await consumer.disconnect();
    },
  };
}
