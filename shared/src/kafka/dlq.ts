import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { EventPublisher } from './producer.js';

export const DLQ_HEADERS = {
  reason: 'convene-dlq-reason',
  detail: 'convene-dlq-detail',
  sourceTopic: 'convene-dlq-source-topic',
  sourcePartition: 'convene-dlq-source-partition',
  sourceOffset: 'convene-dlq-source-offset',
  consumerGroup: 'convene-dlq-consumer-group',
  deadLetteredAt: 'convene-dlq-at',
  truncated: 'convene-dlq-truncated',
} as const;

export type DeadLetterReason = 'oversized' | 'unparseable' | 'unknown_type' | 'schema' | 'apply_failed';

export interface DeadLetter {
  message: KafkaMessage;
  topic: string;
  partition: number;
  reason: DeadLetterReason;
  detail: string;
}

/** The original stays in its topic; a dead letter keeps at most this much of it, so it always fits. */
const MAX_DLQ_VALUE_BYTES = 64 * 1024;

export function toDeadLetterMessage(letter: DeadLetter, groupId: string, now = new Date()) {
  const value = letter.message.value;
  const truncated = value !== null && value.length > MAX_DLQ_VALUE_BYTES;
  const headers: IHeaders = {
    [DLQ_HEADERS.reason]: letter.reason,
    [DLQ_HEADERS.detail]: letter.detail.slice(0, 1000),
    [DLQ_HEADERS.sourceTopic]: letter.topic,
    [DLQ_HEADERS.sourcePartition]: String(letter.partition),
    [DLQ_HEADERS.sourceOffset]: letter.message.offset,
    [DLQ_HEADERS.consumerGroup]: groupId,
    [DLQ_HEADERS.deadLetteredAt]: now.toISOString(),
  };
  if (truncated) headers[DLQ_HEADERS.truncated] = 'true';
  return {
    key: letter.message.key,
    value: truncated ? value.subarray(0, MAX_DLQ_VALUE_BYTES) : value,
    headers,
  };
}

export async function deadLetter(publisher: EventPublisher, dlqTopic: string, groupId: string, letters: DeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await publisher.sendRaw(dlqTopic, letters.map((l) => toDeadLetterMessage(l, groupId)));
}

/** Read a header kafkajs hands back as Buffer | string | array. */
export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}
