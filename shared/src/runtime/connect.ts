import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { Agency } from '../contracts/index.js';
import { prefixedTopics } from '../contracts/index.js';
import { createKafka, createEventPublisher, ensureTopics, kafkaReachable, type EventPublisher } from '../kafka/index.js';
import { connectMongo, databaseName, mongoReachable } from '../mongo/index.js';
import { createLogger, type Logger } from '../log/index.js';
import { createMetrics, type ServiceMetrics } from '../http/index.js';
import { createTokenVerifier, type TokenVerifier } from '../auth/index.js';

export interface RuntimeConfig {
  LOG_LEVEL: string;
  KAFKA_BROKERS: string[];
  KAFKA_TOPIC_PREFIX: string;
  KAFKA_TOPIC_PARTITIONS: number;
  KAFKA_TOPIC_REPLICATION_FACTOR: number;
  MONGO_URL: string;
  MONGO_DB_SUFFIX: string;
  CONVENE_JWT_SECRET?: string | undefined;
  CONVENE_OIDC_ISSUER?: string | undefined;
  CONVENE_OIDC_JWKS_URL?: string | undefined;
  CONVENE_JWT_AUDIENCE: string;
  CONVENE_METRICS_TOKEN?: string | undefined;
}

/** Everything a service needs from the outside world, connected and ready. */
export interface Runtime {
  service: Agency;
  logger: Logger;
  kafka: Kafka;
  publisher: EventPublisher;
  db: Connection;
  metrics: ServiceMetrics;
  verifyToken: TokenVerifier;
  topics: ReturnType<typeof prefixedTopics>;
  /** Copies of each topic a service creates (KAFKA_TOPIC_REPLICATION_FACTOR). */
  replicationFactor: number;
  health: { kafka: () => Promise<boolean>; database: () => Promise<boolean> };
  close(): Promise<void>;
}

export async function connectRuntime(service: Agency, config: RuntimeConfig, logger: Logger = createLogger(service, { level: config.LOG_LEVEL })): Promise<Runtime> {
  const topics = prefixedTopics(config.KAFKA_TOPIC_PREFIX);
  const kafka = createKafka({ brokers: config.KAFKA_BROKERS, clientId: `convene-${service}`, logger });
  const db = await connectMongo({ url: config.MONGO_URL, dbName: databaseName(service, config.MONGO_DB_SUFFIX || undefined), logger });
  await ensureTopics(kafka, [...Object.values(topics.events), topics.dlq], { partitions: config.KAFKA_TOPIC_PARTITIONS, replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR });
  const publisher = await createEventPublisher(kafka, { topicFor: (e) => topics.events[e.agency] });
  return {
    service,
    logger,
    kafka,
    publisher,
    db,
    metrics: createMetrics(service, { scrapeToken: config.CONVENE_METRICS_TOKEN }),
    verifyToken: createTokenVerifier({ secret: config.CONVENE_JWT_SECRET, jwksUrl: config.CONVENE_OIDC_JWKS_URL, issuer: config.CONVENE_OIDC_ISSUER, audience: config.CONVENE_JWT_AUDIENCE }),
    topics,
    replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
    health: { kafka: () => kafkaReachable(kafka), database: () => mongoReachable(db) },
    async close() {
      await publisher.disconnect().catch(() => undefined);
      await db.close().catch(() => undefined);
    },
  };
}
