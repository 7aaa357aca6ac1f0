import type { Admin, Kafka } from 'kafkajs';
import { deadLetter, type DeadLetter, type EventPublisher } from '@convene/shared/kafka';
import type { Logger } from '@convene/shared/log';
import { parseLiveMessage } from './messages.js';
import type { MeetingLogs, Push } from './meetingLogs.js';

export interface LiveReaderOptions {
  kafka: Kafka;
  topic: string;
  /** This instance's own consumer group: every instance reads every partition. */
  groupId: string;
  logs: MeetingLogs;
  /** A push to deliver to this instance's sockets, in the topic's order. */
  onPush(push: Push): void;
  publisher: EventPublisher;
  dlqTopic: string;
  logger: Logger;
  /** Meetings quiet for longer than this are forgotten (the topic's retention). */
  keepMs: number;
}

export async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A topic just created can be unknown to the broker answering for a while ("does not host this topic-partition",
 * seen on a broker that has just started), after kafkajs's own retries have given up: try again for a few seconds.
 */
export async function soonAfterCreation<T>(work: () => Promise<T>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

export interface LiveReader {
  /** Resolves once every message on the topic when the reader started has been taken in. */
  caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads the live topic from its start (it holds only the retention window) into the meeting logs. No offsets
 * are committed: each instance rebuilds its logs from the topic when it starts, so its group needs no state.
 */
export async function startLiveReader(options: LiveReaderOptions): Promise<LiveReader> {
  const { kafka, topic, logs, logger } = options;
  const ends = await soonAfterCreation(() => withAdmin(kafka, (admin) => admin.fetchTopicOffsets(topic)));
  /** Per partition, the offset the reader must reach before it has everything written before it started. */
  const pending = new Map(ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const reached = (partition: number, next: number) => {
    const end = pending.get(partition);
    if (end !== undefined && next >= end) pending.delete(partition);
    if (pending.size === 0) markCaughtUp();
  };
  reached(-1, 0);

  const consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  await consumer.connect();
  await soonAfterCreation(() => consumer.subscribe({ topic, fromBeginning: true }));
  const forgetTimer = setInterval(() => logs.forgetQuietSince(Date.now() - options.keepMs), 60_000);
  forgetTimer.unref();
  // Not awaited: the service answers HTTP while this joins; joins and catch-ups wait for `caughtUp`.
  const running = consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      const letters: DeadLetter[] = [];
      for (const message of batch.messages) {
        const parsed = parseLiveMessage(message.value);
        if (!parsed.ok) letters.push({ message, topic, partition: batch.partition, reason: parsed.reason, detail: parsed.detail });
        else {
          const push = logs.apply(parsed.message, { partition: batch.partition, offset: message.offset, timestamp: Number(message.timestamp) });
          if (push) options.onPush(push);
        }
        resolveOffset(message.offset);
      }
      reached(batch.partition, Number(batch.lastOffset()) + 1);
      if (letters.length > 0) {
        for (const l of letters) logger.warn({ partition: l.partition, offset: l.message.offset, reason: l.reason }, 'live message dead-lettered');
        await deadLetter(options.publisher, options.dlqTopic, options.groupId, letters).catch((err: unknown) => {
          logger.error({ err: (err as Error).message }, 'live messages could not be dead-lettered; they were skipped');
        });
      }
      await heartbeat();
    },
  });
  running.catch((err: unknown) => logger.error({ err: (err as Error).message }, 'the live topic reader could not start: meetings cannot be joined'));
  return {
    caughtUp,
    async stop() {
      clearInterval(forgetTimer);
      await consumer.disconnect();
    },
  };
}
