import type { Kafka } from 'kafkajs';
import { uniqueId } from './env.js';
import { sleep } from './stats.js';

/**
 * When each event reached a topic (the producer's record timestamp), by event id: reads the topic from the
 * start until every wanted id is seen or `withinMs` has passed. Splits a latency into its stages.
 */
export async function recordTimes(kafka: Kafka, topic: string, ids: Iterable<string>, idOf: (value: Record<string, unknown>) => string | undefined, withinMs = 30_000): Promise<Map<string, number>> {
  const wanted = new Set(ids);
  const times = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: uniqueId('bench-times-') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          if (!message.value) continue;
          const id = idOf(JSON.parse(message.value.toString()) as Record<string, unknown>);
          if (id !== undefined && wanted.has(id) && !times.has(id)) times.set(id, Number(message.timestamp));
        }
      },
    });
    const deadline = Date.now() + withinMs;
    while (times.size < wanted.size && Date.now() < deadline) await sleep(200);
    return times;
  } finally {
    await consumer.disconnect();
  }
}
