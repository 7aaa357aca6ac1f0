import { describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { createEvent } from '../contracts/index.js';
import { createEventPublisher } from './producer.js';

/** A kafkajs stand-in: each producer() is a fake whose sendBatch fails while `failures` has entries. */
function fakeKafka(failures: unknown[]) {
  const made: { id: number; connects: number; disconnects: number; sent: number }[] = [];
  const kafka = {
    producer: () => {
      const stats = { id: made.length + 1, connects: 0, disconnects: 0, sent: 0 };
      made.push(stats);
      let connected = false;
      return {
        connect: async () => {
          stats.connects++;
          connected = true;
        },
        disconnect: async () => {
          stats.disconnects++;
          connected = false;
        },
        sendBatch: async () => {
          if (!connected) throw new Error('The producer is disconnected');
          const failure = failures.shift();
          if (failure) throw failure;
          stats.sent++;
        },
        send: async () => undefined,
      };
    },
  } as unknown as Kafka;
  return { kafka, made };
}

const event = () => createEvent('police.incident.recorded.v1', {
  occurredAt: new Date().toISOString(), sharing: 'partnership',
  subjects: [{ role: 'victim', tokens: [`lt1.pnc.${'a'.repeat(43)}`] }],
  data: { incidentRef: 'INC-1', behaviours: ['calls'], offenceClass: 'pha_s2', summary: 'unit' },
});

const outOfOrder = Object.assign(new Error('The broker received an out of order sequence number'), { name: 'KafkaJSProtocolError', type: 'OUT_OF_ORDER_SEQUENCE_NUMBER' });

describe('event publisher', () => {
  it('replaces the idempotent producer once its sequence numbers are out of step, so the retry gets through', async () => {
    const { kafka, made } = fakeKafka([outOfOrder]);
    const publisher = await createEventPublisher(kafka);
    await expect(publisher.publish([event()])).rejects.toThrow(/out of order/);
    await publisher.publish([event()]);
    expect(made.map((p) => ({ id: p.id, connects: p.connects, disconnects: p.disconnects, sent: p.sent }))).toEqual([
      { id: 1, connects: 1, disconnects: 1, sent: 0 },
      { id: 2, connects: 1, disconnects: 0, sent: 1 },
    ]);
  });

  it('keeps the producer through failures that are not about sequence numbers (broker away)', async () => {
    const refused = Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSConnectionError' });
    const { kafka, made } = fakeKafka([refused, refused]);
    const publisher = await createEventPublisher(kafka);
    await expect(publisher.publish([event()])).rejects.toThrow(/ECONNREFUSED/);
    await expect(publisher.publish([event()])).rejects.toThrow(/ECONNREFUSED/);
    await publisher.publish([event()]);
    expect(made).toHaveLength(1);
    expect(made[0]!.sent).toBe(1);
  });

  it('finds the sequence error inside a retry wrapper', async () => {
    const wrapped = Object.assign(new Error('retries exceeded'), { name: 'KafkaJSNumberOfRetriesExceeded', originalError: outOfOrder });
    const { kafka, made } = fakeKafka([wrapped]);
    const publisher = await createEventPublisher(kafka);
    await expect(publisher.publish([event()])).rejects.toThrow();
    await publisher.publish([event()]);
    expect(made).toHaveLength(2);
  });
});
