// An agency's outbox relay (shared/src/eventlog/relay.ts) with its production settings, in a process of its own.
import { createKafka, createEventPublisher, type EventPublisher } from '@convene/shared/kafka';
import { createEventStore, startOutboxRelay, type OutboxRelay } from '@convene/shared/eventlog';
import { connectMongo } from '@convene/shared/mongo';
import { createLogger } from '@convene/shared/log';
import { prefixedTopics } from '@convene/shared/contracts';
import { runChild } from '../lib/childMain.js';
import { now } from '../lib/stats.js';
import { monitored, profileCommands } from '../lib/dbProfile.js';

interface RelayParams {
  brokers: string[];
  mongoUrl: string;
  prefix: string;
  dbName: string;
  logLevel: string;
}

runChild<RelayParams>(async (p) => {
  const logger = createLogger('police', { level: p.logLevel });
  const topics = prefixedTopics(p.prefix);
  const kafka = createKafka({ brokers: p.brokers, clientId: 'convene-police', logger });
  const db = await connectMongo({ url: monitored(p.mongoUrl), dbName: p.dbName, logger });
  const publisher: EventPublisher = await createEventPublisher(kafka, { topicFor: (e) => topics.events[e.agency] });
  const store = createEventStore(db);
  const profile = profileCommands(db.getClient());
  let relay: OutboxRelay | undefined;
  return {
    calls: {
      dbProfile: async () => profile.take(),
      async go() {
        relay = startOutboxRelay({ queue: store, publisher, logger });
        return { at: now() };
      },
    },
    stats: () => ({ published: relay?.published ?? 0, rssKb: Math.round(process.memoryUsage.rss() / 1024) }),
    async stop() {
      await relay?.stop();
      await publisher.disconnect();
      await db.close();
    },
  };
});
