import { createHash, randomBytes } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { createLogger, type Logger } from '@convene/shared/log';
import { runEventConsumer, type RunningConsumer } from '@convene/shared/kafka';
import { devEnvironment } from '../../../scripts/lib/devSecrets.js';
import { createConferenceService } from '../../../services/conference/src/wiring.js';
import { loadConferenceConfig } from '../../../services/conference/src/config.js';
import { connectRuntime, type Runtime } from '@convene/shared/runtime';
import { canonicalJson } from '@convene/shared/audit';
import type { CaseView } from '../../../services/conference/src/readModel/index.js';
import { unpackCase, type StoredCase } from '../../../services/conference/src/db/cases.js';
import { type Log, waitFor } from './basics.js';

// What the read model holds, a clean replay of it, and checksums.

export async function loadViews(db: Connection): Promise<Map<string, CaseView>> {
  const docs = await db.collection<StoredCase>('cases').find({}).toArray();
  return new Map(docs.map((d) => [d._id, unpackCase(d).view]));
}

/** Count and sha256 of every case's applied ids and timeline ids, cases in reference order. */
export function digest(views: Map<string, CaseView>): { cases: number; appliedIds: number; timelineEntries: number; sha256: string } {
  const hash = createHash('sha256');
  let appliedIds = 0;
  let timelineEntries = 0;
  for (const caseRef of [...views.keys()].sort()) {
    const view = views.get(caseRef)!;
    appliedIds += view.appliedEventIds.length;
    timelineEntries += view.timeline.length;
    hash.update(`${caseRef}\n${[...view.appliedEventIds].sort().join(',')}\n${view.timeline.map((e) => e.eventId).join(',')}\n`);
  }
  return { cases: views.size, appliedIds, timelineEntries, sha256: hash.digest('hex') };
}

export function viewHash(view: CaseView): string {
  return createHash('sha256').update(canonicalJson(view)).digest('hex');
}

/** Every partition of `topics` committed by `groupId` up to its end. */
export async function caughtUp(admin: Admin, groupId: string, topics: string[]): Promise<boolean> {
  for (const topic of topics) {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    for (const end of ends) {
      const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      if (end.high !== '0' && (at === '-1' || BigInt(at) < BigInt(end.high))) return false;
    }
  }
  return true;
}

/** How many messages the topics hold (sum of the partitions' end offsets; nothing is deleted in a test). */
export async function messageCount(admin: Admin, topic: string): Promise<number> {
  const ends = await admin.fetchTopicOffsets(topic);
  return ends.reduce((n, e) => n + Number(e.high) - Number(e.low), 0);
}

/**
 * Where these event ids sit on a topic (partition/offset), by reading it from the start with a throwaway
 * group: for explaining a lost event. Stops at the ends the topic had when called.
 */
export async function locateOnTopic(kafka: Kafka, admin: Admin, topic: string, ids: string[], timeoutMs = 60_000): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const wanted = new Set(ids);
  const ends = new Map((await admin.fetchTopicOffsets(topic)).map((e) => [e.partition, Number(e.high)]));
  const consumer = kafka.consumer({ groupId: `locate-${randomBytes(4).toString('hex')}` });
  const reached = new Set<number>([...ends].filter(([, high]) => high === 0).map(([p]) => p));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const id = message.headers?.ce_id?.toString();
        if (id && wanted.has(id)) found.set(id, [...(found.get(id) ?? []), `p${partition}@${message.offset}`]);
        if (Number(message.offset) + 1 >= (ends.get(partition) ?? 0)) reached.add(partition);
      },
    });
    await waitFor(`a read of ${topic} to its end`, async () => reached.size >= ends.size, timeoutMs, 200);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
  return found;
}

export interface Replay {
  views: Map<string, CaseView>;
  messages: number;
  distinctEvents: number;
  deadLettered: number;
  durationMs: number;
  stop(): Promise<void>;
}

/**
 * A clean replay: a fresh database and fresh consumer groups reading every topic from offset 0 through the
 * conference's own projector, in this process. The conference topic first: the listings it holds are the
 * conference's decisions (which case number a referral got), and a replay must follow them, not decide
 * again. Nothing is published: the replay's outbox relay is never started.
 */
export async function cleanReplay(options: { brokers: string[]; mongoUrl: string; prefix: string; dbSuffix: string; timeoutMs: number; log: Log }): Promise<Replay> {
  const started = Date.now();
  const logger: Logger = createLogger('replay', { level: 'error' });
  const config = loadConferenceConfig(devEnvironment({
    KAFKA_BROKERS: options.brokers.join(','), MONGO_URL: options.mongoUrl, KAFKA_TOPIC_PREFIX: options.prefix, MONGO_DB_SUFFIX: options.dbSuffix,
    KAFKA_TOPIC_PARTITIONS: '6', LOG_LEVEL: 'error',
  }));
  const runtime: Runtime = await connectRuntime('conference', config, logger);
  const service = createConferenceService(runtime.db, config, logger);
  service.live.silence();
  const admin = runtime.kafka.admin();
  await admin.connect();
  const consumers: RunningConsumer[] = [];
  let messages = 0;
  const ids = new Set<string>();
  let deadLettered = 0;
  const stop = async () => {
    for (const c of consumers.splice(0)) await c.stop().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await runtime.db.dropDatabase().catch(() => undefined);
    await runtime.close();
  };
  try {
    const phases = [[runtime.topics.events.conference], Object.entries(runtime.topics.events).filter(([agency]) => agency !== 'conference').map(([, t]) => t)];
    for (const topics of phases) {
      const groupId = `replay-${randomBytes(4).toString('hex')}`;
      const consumer = await runEventConsumer({
        kafka: runtime.kafka, groupId, topics, dlqTopic: runtime.topics.dlq, publisher: runtime.publisher, logger,
        apply: async (events) => {
          await service.projector().handle(events.map((e) => e.event));
          messages += events.length;
          for (const e of events) ids.add(e.event.id);
        },
      });
      consumers.push(consumer);
      await waitFor(`the replay to reach the end of ${topics.join(', ')}`, () => caughtUp(admin, groupId, topics), options.timeoutMs, 500);
      deadLettered += consumer.stats.deadLettered;
    }
    const views = await loadViews(runtime.db);
    return { views, messages, distinctEvents: ids.size, deadLettered, durationMs: Date.now() - started, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
