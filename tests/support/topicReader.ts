import type { KafkaMessage } from 'kafkajs';
import { parseEvent, type CaseEvent } from '@convene/shared/contracts';
import { eventually, testKafka, uniqueId } from './infra.js';

export interface TopicReader {
  events: CaseEvent[];
  raw: KafkaMessage[];
  /** Wait until an event matching the predicate has arrived. */
  waitFor<T extends CaseEvent>(predicate: (e: CaseEvent) => e is T, what: string, timeoutMs?: number): Promise<T>;
  waitFor(predicate: (e: CaseEvent) => boolean, what: string, timeoutMs?: number): Promise<CaseEvent>;
  stop(): Promise<void>;
}

/** Read a topic from the beginning with its own consumer group; every message must parse with the contracts. */
export async function readTopic(topic: string): Promise<TopicReader> {
  const events: CaseEvent[] = [];
  const raw: KafkaMessage[] = [];
  const consumer = testKafka().consumer({ groupId: uniqueId('reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      raw.push(message);
      const parsed = parseEvent(JSON.parse(message.value!.toString()));
      if (!parsed.ok) throw new Error(`invalid event on ${topic}: ${parsed.detail}`);
      events.push(parsed.event);
    },
  });
  return {
    events,
    raw,
    waitFor: (predicate: (e: CaseEvent) => boolean, what: string, timeoutMs = 20_000) =>
      eventually(async () => events.find(predicate), { what, timeoutMs }),
    stop: () => consumer.disconnect(),
  } as TopicReader;
}
