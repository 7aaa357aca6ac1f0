// The outbox on the real database and broker: entries leave once projected and published, a redelivered record
// is not recorded twice, a crash between the outbox entry and the event log is repaired, and the log is never
// updated (on FerretDB an update reads the whole collection, and the log only grows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventPublisher, ensureTopics, type EventPublisher } from '@convene/shared/kafka';
import { createEventStore, startOutboxRelay, type EventStore } from '@convene/shared/eventlog';
import { linkToken } from '@convene/shared/link-tokens';
import { prefixedTopics, type CaseEvent } from '@convene/shared/contracts';
import { freshDatabase, testKafka, testLogger, uniqueId } from '../support/infra.js';
import { readTopic } from '../support/topicReader.js';
import { newCaseRef } from '../support/fixtures.js';
import { incidentFor } from '../support/poison.js';

const victim = linkToken('outbox-test-partnership-secret-0123456789ab', { kind: 'nhs', nhsNumber: '9434765919' });

describe('outbox', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: EventStore;
  let publisher: EventPublisher;
  const topics = prefixedTopics(uniqueId('outbox'));

  beforeAll(async () => {
    database = await freshDatabase();
    store = createEventStore(database.db);
    await ensureTopics(testKafka(), [topics.events.police], { partitions: 1 });
    publisher = await createEventPublisher(testKafka(), { topicFor: (e) => topics.events[e.agency] });
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await database?.drop();
  });

  // The store's own documents, read as an auditor would: straight from the database (the store does not expose them).
  const outbox = () => database.db.getClient().db(database.db.name).collection<{ _id: string; seq: number; project: boolean; publish: boolean }>('outbox');
  const log = () => database.db.getClient().db(database.db.name).collection<{ _id: string }>('events');
  const queued = async () => (await outbox().find({}).sort({ seq: 1 }).toArray()).map((e) => ({ id: e._id, project: e.project, publish: e.publish }));

  it('records once, publishes only what the read model shows, and empties as work is done', async () => {
    const caseRef = newCaseRef();
    const shared = incidentFor(caseRef, victim, 1);
    const kept = incidentFor(caseRef, victim, 2);
    expect(await store.insertIfAbsent(shared, { publish: true })).toBe(true);
    expect(await store.insertIfAbsent(shared, { publish: true })).toBe(false);
    expect(await store.insertIfAbsent(kept, { publish: false })).toBe(true);
    expect(await queued()).toEqual([
      { id: shared.id, project: true, publish: true },
      { id: kept.id, project: true, publish: false },
    ]);
    expect(await store.toPublish(10)).toEqual([]);
    // Stored packed, with the case it names plain (what a purge looks for).
    const raw = await outbox().findOne({ _id: shared.id });
    expect(raw).toMatchObject({ caseRefs: [caseRef] });
    expect(raw).toHaveProperty('packed');
    expect(raw).not.toHaveProperty('event');

    await store.markProjected(kept.id, false);
    await store.markProjected(shared.id, true);
    expect(await queued()).toEqual([{ id: shared.id, project: false, publish: true }]);
    const toSend = await store.toPublish(10);
    expect(toSend).toEqual([{ seq: expect.any(Number), event: shared }]);
    await store.published(toSend);
    expect(await queued()).toEqual([]);

    // Recorded and finished: a redelivery leaves nothing behind in the outbox.
    expect(await store.insertIfAbsent(shared, { publish: true })).toBe(false);
    expect(await queued()).toEqual([]);
    expect(await log().countDocuments({ _id: { $in: [shared.id, kept.id] } })).toBe(2);
  });

  it('after a crash between the outbox entry and the log, recovery writes the log and returns the event to project', async () => {
    const event = incidentFor(newCaseRef(), victim, 3);
    // The request path's one insert, and nothing behind it: the process died there.
    expect(await store.enqueue(event, true)).toMatchObject({ event: { id: event.id } });
    expect(await log().countDocuments({ _id: event.id })).toBe(0);
    expect((await store.unprojected(10)).map((e) => e.id)).toEqual([event.id]);
    expect(await log().countDocuments({ _id: event.id })).toBe(1);
    await store.markProjected(event.id);
    const toSend = await store.toPublish(10);
    expect(toSend.map((q) => q.event.id)).toEqual([event.id]);
    await store.published(toSend);
  });

  it('a projection that failed waits, unpublished, until a repair pass finds it settled', async () => {
    const failed = incidentFor(newCaseRef(), victim, 4);
    // Enqueued a minute ago, and its round behind the request failed.
    await store.enqueue(failed, true);
    await outbox().updateOne({ _id: failed.id }, { $set: { seq: (Date.now() - 60_000) * 1000 } });
    const inFlight = incidentFor(newCaseRef(), victim, 5);
    expect(await store.insertIfAbsent(inFlight, { publish: true })).toBe(true);
    expect(await store.toPublish(10)).toEqual([]);
    // Settled for 10 s: the failed one (a minute old), not the request still in flight.
    expect((await store.unprojected(10, Date.now() - 10_000)).map((e) => e.id)).toEqual([failed.id]);
    await store.markProjected(failed.id);
    await store.markProjected(inFlight.id);
    const toSend = await store.toPublish(10);
    expect(toSend.map((q) => q.event.id)).toEqual([failed.id, inFlight.id]);
    await store.published(toSend);
  });

  it('takes out only what was published, not an entry recorded in between that became ready meanwhile', async () => {
    const caseRef = newCaseRef();
    const [first, between, last] = [1, 2, 3].map((i) => incidentFor(caseRef, victim, 20 + i));
    // Recorded in this order; the one in between is not projected yet when the relay reads.
    for (const event of [first!, between!, last!]) await store.enqueue(event, true);
    await store.settle([{ id: first!.id, publish: true }, { id: last!.id, publish: true }]);
    const toSend = await store.toPublish(10);
    expect(toSend.map((q) => q.event.id)).toEqual([first!.id, last!.id]);
    await store.markProjected(between!.id);
    await store.published(toSend);
    expect(await queued()).toEqual([{ id: between!.id, project: false, publish: true }]);
    await store.published(await store.toPublish(10));
    expect(await queued()).toEqual([]);
  });

  it('the relay publishes research returns (nothing to project) and leaves the outbox empty', async () => {
    const topic = await readTopic(topics.events.police);
    const events = Array.from({ length: 3 }, (_, i) => incidentFor(newCaseRef(), victim, 10 + i));
    for (const event of events) await store.insertIfAbsent(event, { publish: true, project: false });
    const relay = startOutboxRelay({ queue: store, publisher, logger: testLogger, pollMs: 50 });
    try {
      expect(await relay.flush()).toBe(3);
      for (const event of events) await topic.waitFor((e) => e.id === event.id, `event ${event.id} on the topic`);
      expect(await queued()).toEqual([]);
    } finally {
      await relay.stop();
      await topic.stop();
    }
  });

  it('with a backlog, publishes each read in several Kafka batches and empties the outbox read by read', async () => {
    const topic = await readTopic(topics.events.police);
    const events = Array.from({ length: 12 }, (_, i) => incidentFor(newCaseRef(), victim, 30 + i));
    for (const event of events) await store.insertIfAbsent(event, { publish: true, project: false });
    const sent: number[] = [];
    const counting = { ...publisher, publish: async (batch: readonly CaseEvent[]) => { sent.push(batch.length); await publisher.publish(batch); } };
    const relay = startOutboxRelay({ queue: store, publisher: counting, logger: testLogger, pollMs: 60_000, batchSize: 5, readSize: 10 });
    try {
      expect(await relay.flush()).toBe(12);
      expect(sent).toEqual([5, 5, 2]);
      const seen = await Promise.all(events.map((event) => topic.waitFor((e) => e.id === event.id, `event ${event.id} on the topic`)));
      expect(seen.map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(await queued()).toEqual([]);
    } finally {
      await relay.stop();
      await topic.stop();
    }
  });
});
