import { randomUUID } from 'node:crypto';
import type { Kafka, Message } from 'kafkajs';
import { AuditAnchor } from './anchor.js';

/** The message type header of an anchor on the anchor topic. */
export const ANCHOR_MESSAGE_TYPE = 'convene.audit.anchor.v1';

/** One anchor as a Kafka message, keyed by its chain so one chain's anchors stay in order. */
export function anchorMessage(anchor: AuditAnchor): Message {
  return { key: anchor.chain, value: JSON.stringify(anchor), headers: { ce_type: ANCHOR_MESSAGE_TYPE } };
}

export interface AnchorsRead {
  anchors: AuditAnchor[];
  /** Messages on the topic that are not anchors at all. */
  malformed: number;
}

/**
 * Every anchor on the topic for `chain`, read from the beginning up to the end as it stood when the read
 * began, by a consumer group of its own that is deleted afterwards. No topic means no anchors.
 */
export async function readAnchors(kafka: Kafka, topic: string, chain: string, timeoutMs = 30_000): Promise<AnchorsRead> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `convene-audit-verify-${randomUUID()}`;
  let consumed = false;
  try {
    if (!(await admin.listTopics()).includes(topic)) return { anchors: [], malformed: 0 };
    const ends = new Map<number, bigint>();
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(p.high) > BigInt(p.low)) ends.set(p.partition, BigInt(p.high));
    }
    const read: AnchorsRead = { anchors: [], malformed: 0 };
    if (ends.size === 0) return read;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 });
    consumed = true;
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`could not read ${topic} to its end within ${timeoutMs} ms`)), timeoutMs);
        consumer.run({
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition);
            for (const message of batch.messages) {
              if (end !== undefined && BigInt(message.offset) >= end) break;
              if (message.key?.toString() !== chain) continue;
              const parsed = AuditAnchor.safeParse(safeJson(message.value?.toString()));
              if (parsed.success && parsed.data.chain === chain) read.anchors.push(parsed.data);
              else read.malformed += 1;
            }
            const last = batch.messages[batch.messages.length - 1];
            if (end !== undefined && last && BigInt(last.offset) + 1n >= end) ends.delete(batch.partition);
            if (ends.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        }).catch((err: unknown) => {
          clearTimeout(timer);
          reject(err as Error);
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return read;
  } finally {
    if (consumed) await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
