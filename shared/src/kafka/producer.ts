import { CompressionTypes, type Kafka, type Message, type Producer } from 'kafkajs';
import { topicFor, type CaseEvent } from '../contracts/index.js';
import { partitionKeyOf } from './keys.js';
import { newTraceparent } from './trace.js';

export const HEADER_TRACEPARENT = 'traceparent';
export const HEADER_EVENT_TYPE = 'ce_type';
export const HEADER_EVENT_ID = 'ce_id';

export interface EventPublisher {
  /** Publish events in one batch per call; resolves once every broker has acknowledged (acks=all). */
  publish(events: readonly CaseEvent[]): Promise<void>;
  /** Send raw messages (the dead-letter topic uses this). */
  sendRaw(topic: string, messages: Message[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface PublisherOptions {
  /** Maps an agency topic to the topic actually used; tests use it to give each run its own topics. */
  topicFor?: (event: CaseEvent) => string;
}

export function toMessage(event: CaseEvent): Message {
  const traceparent = event.traceparent ?? newTraceparent();
  return {
    key: partitionKeyOf(event),
    value: JSON.stringify(event.traceparent ? event : { ...event, traceparent }),
    headers: { [HEADER_TRACEPARENT]: traceparent, [HEADER_EVENT_TYPE]: event.type, [HEADER_EVENT_ID]: event.id },
  };
}

/**
 * Idempotent producer with acks=all: a retried send is never written twice. One request in flight keeps
 * kafkajs's idempotence sound and per-key ordering strict.
 */
export async function createEventPublisher(kafka: Kafka, options: PublisherOptions = {}): Promise<EventPublisher> {
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  const resolveTopic = options.topicFor ?? ((e: CaseEvent) => topicFor(e.agency));

  return {
    async publish(events) {
      if (events.length === 0) return;
      const byTopic = new Map<string, Message[]>();
      for (const event of events) {
        const topic = resolveTopic(event);
        const list = byTopic.get(topic) ?? [];
        list.push(toMessage(event));
        byTopic.set(topic, list);
      }
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    },
    async sendRaw(topic, messages) {
      await producer.send({ topic, acks: -1, messages });
    },
    async disconnect() {
      await producer.disconnect();
    },
  };
}
