// Ceilings: what the broker and the database do with the same payloads and no Convene code in the way.
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { toMessage } from '@convene/shared/kafka';
import { runChild } from '../lib/childMain.js';
import { benchCases, incidentBatches } from '../lib/fixtures.js';
import { distribution, now, sleep } from '../lib/stats.js';

interface RawParams {
  brokers: string[];
  mongoUrl: string;
}

runChild<RawParams>(async (p, ctx) => {
  const kafka = new Kafka({ clientId: 'rawbench', brokers: p.brokers, logLevel: logLevel.NOTHING });
  const mongo = new MongoClient(p.mongoUrl, { retryWrites: false });
  const consumers: Consumer[] = [];
  let progress = 0;

  async function createTopic(topic: string, partitions: number) {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
    } finally {
      await admin.disconnect();
    }
  }
  async function deleteTopic(topic: string) {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic], timeout: 10_000 }).catch(() => undefined);
    await admin.disconnect();
  }
  /** Wait for `check`; false when `timeoutMs` passed first (the caller reports what it got by then). */
  async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) return false;
      await sleep(5);
    }
    return true;
  }

  return {
    calls: {
      /**
       * B1 ceiling: kafkajs sendBatch of the same payloads (batches of 500, acks=all) while an eachBatch
       * consumer inserts every message into a fresh collection with the raw driver's unordered insertMany.
       */
      async pipeline({ n, cases, partitions, topic, dbName, timeoutMs }: { n: number; cases: number; partitions: number; topic: string; dbName: string; timeoutMs: number }) {
        await createTopic(topic, partitions);
        const all = benchCases(cases);
        const messages = [];
        for (const batch of incidentBatches(all, n, 500, 7)) messages.push(...batch.map(toMessage));
        const collection = mongo.db(dbName).collection('events');
        let inserted = 0;
        progress = 0;
        const consumer = kafka.consumer({ groupId: `${topic}-g`, maxWaitTimeInMs: 250 });
        consumers.push(consumer);
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachBatch: async ({ batch }) => {
            const docs = batch.messages.map((m) => JSON.parse(m.value!.toString()) as Record<string, unknown>);
            await collection.insertMany(docs, { ordered: false });
            inserted += docs.length;
            progress = inserted;
          },
        });
        const producer = kafka.producer({ allowAutoTopicCreation: false });
        await producer.connect();
        const t0 = now();
        for (let i = 0; i < messages.length; i += 500) {
          await producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: messages.slice(i, i + 500) }] });
        }
        const produced = now();
        const complete = await until(() => inserted >= n, Math.max(0, timeoutMs - (produced - t0)));
        const done = now();
        const got = Math.min(inserted, n);
        await producer.disconnect();
        await consumer.disconnect();
        await mongo.db(dbName).dropDatabase();
        await deleteTopic(topic);
        return { n, stored: got, complete, produceMs: produced - t0, totalMs: done - t0, produceRate: n / ((produced - t0) / 1000), rate: got / ((done - t0) / 1000) };
      },

      /** B3 ceiling: a fresh group reads the same topics from offset 0 and only counts. */
      async consume({ topics, expected, timeoutMs }: { topics: string[]; expected: number; timeoutMs: number }) {
        let seen = 0;
        progress = 0;
        const t0 = now();
        const consumer = kafka.consumer({ groupId: `rawbench-replay-${Math.random().toString(36).slice(2)}`, maxWaitTimeInMs: 250 });
        consumers.push(consumer);
        await consumer.connect();
        await consumer.subscribe({ topics, fromBeginning: true });
        await consumer.run({
          eachBatch: async ({ batch }) => {
            seen += batch.messages.length;
            progress = seen;
          },
        });
        const joined = now();
        const complete = await until(() => seen >= expected, timeoutMs);
        const done = now();
        await consumer.disconnect();
        return { seen, complete, totalMs: done - t0, joinMs: joined - t0, consumeMs: done - joined, rate: seen / ((done - joined) / 1000) };
      },

      /** B2 ceiling: Kafka's own produce→consume latency, same producer settings as Convene's publisher. */
      async latency({ rate, durationS, topic, partitions }: { rate: number; durationS: number; topic: string; partitions: number }) {
        await createTopic(topic, partitions);
        const latencies: number[] = [];
        const consumer = kafka.consumer({ groupId: `${topic}-g`, maxWaitTimeInMs: 250 });
        consumers.push(consumer);
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachMessage: async ({ message }) => {
            latencies.push(now() - Number(message.headers!['bench-sent']!.toString()));
          },
        });
        const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
        await producer.connect();
        const all = benchCases(20);
        const events = [...incidentBatches(all, Math.ceil(rate * durationS), 1000, 11)].flat();
        const t0 = now();
        const sends: Promise<unknown>[] = [];
        for (let i = 0; i < events.length; i++) {
          const wait = t0 + (i * 1000) / rate - now();
          if (wait > 1) await sleep(wait);
          const message = toMessage(events[i]!);
          message.headers = { ...message.headers, 'bench-sent': String(now()) };
          sends.push(producer.send({ topic, acks: -1, messages: [message] }));
          progress = i + 1;
        }
        await Promise.all(sends);
        await until(() => latencies.length >= events.length, 30_000);
        await producer.disconnect();
        await consumer.disconnect();
        await deleteTopic(topic);
        return { sent: events.length, achievedRate: events.length / ((now() - t0) / 1000), latency: distribution(latencies) };
      },
    },
    stats: () => ({ progress, rssKb: Math.round(process.memoryUsage.rss() / 1024) }),
    async stop() {
      for (const c of consumers) await c.disconnect().catch(() => undefined);
      await mongo.close();
      ctx.emit('closed', {});
    },
  };
});
