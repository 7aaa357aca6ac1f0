import { afterEach, describe, expect, it } from 'vitest';
import { Schema, type Connection } from 'mongoose';
import type { KafkaMessage } from 'kafkajs';
import { createEvent } from '@convene/shared/contracts';
import { createEventPublisher, runEventConsumer, DLQ_HEADERS, headerText, type ConsumedEvent, type EventPublisher, type RunningConsumer } from '@convene/shared/kafka';
import { insertManyIdempotent } from '@convene/shared/mongo';
import { linkToken } from '@convene/shared/link-tokens';
import { RetriableError } from '@convene/shared/errors';
import { eventually, freshDatabase, freshTopics, testKafka, testLogger, uniqueId } from '../support/infra.js';

const secret = 'integration-test-partnership-secret-0123456789';
const victim = linkToken(secret, { kind: 'nhs', nhsNumber: '9434765919' });

function incident(ref: string) {
  return createEvent('police.incident.recorded.v1', {
    occurredAt: new Date(), sharing: 'partnership', subject: 'CNV-2026-000042',
    subjects: [{ role: 'victim', tokens: [victim] }],
    data: { incidentRef: ref, behaviours: ['messages'], offenceClass: 'pha_s2', summary: 'Repeated unwanted messages' },
  });
}

interface AppliedDoc { _id: string; type: string; caseRef?: string }
const appliedSchema = new Schema<AppliedDoc>({ _id: String, type: String, caseRef: String }, { versionKey: false });

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

async function setUp(options: { maxEventBytes?: number; applyHook?: () => void } = {}) {
  const topics = await freshTopics();
  const { db, drop } = await freshDatabase();
  cleanups.push(drop);
  const Applied = db.model<AppliedDoc>('Applied', appliedSchema, 'applied');
  await Applied.init();
  const kafka = testKafka();
  const publisher = await createEventPublisher(kafka, { topicFor: (e) => topics.events[e.agency] });
  cleanups.push(() => publisher.disconnect());
  const consumer = await runEventConsumer({
    kafka, groupId: uniqueId('group'), topics: [topics.events.police], dlqTopic: topics.dlq, publisher, logger: testLogger,
    ...(options.maxEventBytes ? { maxEventBytes: options.maxEventBytes } : {}),
    backoff: { initialMs: 50, maxMs: 200 },
    apply: async (events: ConsumedEvent[]) => {
      options.applyHook?.();
      await insertManyIdempotent(Applied, events.map(({ event }) => ({ _id: event.id, type: event.type, caseRef: event.subject })));
    },
  });
  cleanups.push(() => consumer.stop());
  return { topics, db, Applied, kafka, publisher, consumer };
}

async function readDlq(kafka: ReturnType<typeof testKafka>, topic: string, expected: number): Promise<KafkaMessage[]> {
  const seen: KafkaMessage[] = [];
  const reader = kafka.consumer({ groupId: uniqueId('dlq-reader') });
  await reader.connect();
  await reader.subscribe({ topic, fromBeginning: true });
  await reader.run({ eachMessage: async ({ message }) => void seen.push(message) });
  try {
    await eventually(async () => seen.length >= expected, { what: `${expected} dead letters` });
    return seen;
  } finally {
    await reader.disconnect();
  }
}

describe('event pipeline on the real broker and database', () => {
  it('publishes with the shared producer, validates, applies and stores through mongoose', async () => {
    const { publisher, Applied } = await setUp();
    const events = [incident('INC-1'), incident('INC-2'), incident('INC-3')];
    await publisher.publish(events);
    await eventually(async () => (await Applied.countDocuments()) === 3, { what: '3 applied events' });
    const stored = await Applied.find().sort({ _id: 1 }).lean();
    expect(stored.map((d) => d._id)).toEqual(events.map((e) => e.id).sort());
    expect(stored.every((d) => d.caseRef === 'CNV-2026-000042' && d.type === 'police.incident.recorded.v1')).toBe(true);
  });

  it('dead-letters bad messages with their reason and source, and still applies the good one after them', async () => {
    const { publisher, Applied, topics, kafka, consumer } = await setUp({ maxEventBytes: 4096 });
    const good = incident('INC-GOOD');
    const wrongSchema = { ...incident('INC-BAD'), data: { incidentRef: 'INC-BAD', behaviours: [], offenceClass: 'pha_s2', summary: 'x' } };
    await publisher.sendRaw(topics.events.police, [
      { key: 'k', value: '{this is not json' },
      { key: 'k', value: JSON.stringify({ ...incident('INC-X'), type: 'police.unknown.thing.v1' }) },
      { key: 'k', value: JSON.stringify(wrongSchema) },
      { key: 'k', value: JSON.stringify({ ...incident('INC-BIG'), pad: 'x'.repeat(5000) }) },
    ]);
    await publisher.publish([good]);

    await eventually(async () => (await Applied.findById(good.id)) !== null, { what: 'the good event' });
    expect(await Applied.countDocuments()).toBe(1);
    const letters = await readDlq(kafka, topics.dlq, 4);
    const reasons = letters.map((m) => headerText(m.headers, DLQ_HEADERS.reason));
    expect(reasons).toEqual(['unparseable', 'unknown_type', 'schema', 'oversized']);
    for (const m of letters) {
      expect(headerText(m.headers, DLQ_HEADERS.sourceTopic)).toBe(topics.events.police);
      expect(headerText(m.headers, DLQ_HEADERS.sourcePartition)).toMatch(/^\d+$/);
      expect(headerText(m.headers, DLQ_HEADERS.sourceOffset)).toMatch(/^\d+$/);
      expect(headerText(m.headers, DLQ_HEADERS.detail)?.length).toBeGreaterThan(0);
    }
    expect(headerText(letters[2]!.headers, DLQ_HEADERS.detail)).toContain('data.behaviours');
    expect(consumer.stats.deadLettered).toBe(4);
  });

  it('applies a redelivered event once, also across a consumer restart that rereads the topic', async () => {
    const { publisher, Applied, topics, kafka } = await setUp();
    const event = incident('INC-DUP');
    await publisher.publish([event]);
    await publisher.publish([event]);
    await eventually(async () => (await Applied.countDocuments()) >= 1, { what: 'first delivery' });

    // A second consumer group rereads the whole topic from offset 0: every event is delivered again.
    let delivered = 0;
    const second = await runEventConsumer({
      kafka, groupId: uniqueId('regroup'), topics: [topics.events.police], dlqTopic: topics.dlq, publisher, logger: testLogger,
      apply: async (events) => {
        delivered += events.length;
        await insertManyIdempotent(Applied, events.map(({ event: e }) => ({ _id: e.id, type: e.type })));
      },
    });
    cleanups.push(() => second.stop());
    await eventually(async () => delivered >= 2, { what: 'redelivery' });
    expect(await Applied.countDocuments({ _id: event.id })).toBe(1);
    expect(await Applied.countDocuments()).toBe(1);
  });

  it('backs off on a retriable failure without committing, then applies', async () => {
    let failuresLeft = 3;
    const { publisher, Applied, consumer } = await setUp({
      applyHook: () => {
        if (failuresLeft-- > 0) throw new RetriableError('database briefly unavailable');
      },
    });
    const event = incident('INC-RETRY');
    await publisher.publish([event]);
    await eventually(async () => (await Applied.findById(event.id)) !== null, { what: 'applied after retries' });
    expect(consumer.stats.retries).toBe(3);
    expect(consumer.stats.deadLettered).toBe(0);
  });
});
