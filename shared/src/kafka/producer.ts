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

/** kafkajs error types after which an idempotent producer's sequence numbers no longer match the broker's. */
const SEQUENCE_LOST = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

function sequenceLost(err: unknown): boolean {
  for (let e = err as { type?: string; originalError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.type === 'string' && SEQUENCE_LOST.has(e.type)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * Idempotent producer with acks=all: a retried send is never written twice. One request in flight keeps
 * kafkajs's idempotence sound and per-key ordering strict.
 *
 * When a send fails while the broker restarts, kafkajs can lose step with the broker's sequence numbers, and
 * from then on every send fails with OUT_OF_ORDER_SEQUENCE_NUMBER (tulios/kafkajs#598): the outbox would never
 * drain again. So after such an error the producer is replaced by a fresh one (new producer id, sequences from
 * 0) and the caller's retry goes through it. A batch the broker took before the failure may then be written a
 * second time; consumers apply events by id, so that changes nothing.
 */
export async function createEventPublisher(kafka: Kafka, options: PublisherOptions = {}): Promise<EventPublisher> {
  const newProducer = (): Producer => kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  let producer = newProducer();
  /** Settles once `producer` is connected; undefined when it must (again) be connected before the next send. */
  let ready: Promise<void> | undefined;
  const connectCurrent = (): Promise<void> => {
    const p = producer;
    ready = p.connect().catch((err: unknown) => {
      if (producer === p) ready = undefined;
      throw err;
    });
    return ready;
  };
  await connectCurrent();
  const resolveTopic = options.topicFor ?? ((e: CaseEvent) => topicFor(e.agency));

  async function withProducer(send: (p: Producer) => Promise<unknown>): Promise<void> {
    await (ready ?? connectCurrent());
    const used = producer;
    try {
      await send(used);
    } catch (err) {
      if (sequenceLost(err) && used === producer) {
        // The caller retries; that retry connects the fresh producer.
        producer = newProducer();
        ready = undefined;
        void used.disconnect().catch(() => undefined);
      }
      throw err;
    }
  }

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
      await withProducer((p) => p.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      }));
    },
    async sendRaw(topic, messages) {
      await withProducer((p) => p.send({ topic, acks: -1, messages }));
    },
    async disconnect() {
      await ready?.catch(() => undefined);
      await producer.disconnect();
    },
  };
}
