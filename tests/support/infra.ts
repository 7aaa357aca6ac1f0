import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import mongoose, { type Connection } from 'mongoose';
import { createKafka, ensureTopics } from '@convene/shared/kafka';
import { prefixedTopics } from '@convene/shared/contracts';
import { createLogger, type Logger } from '@convene/shared/log';

export const testLogger: Logger = createLogger('test', { level: process.env.LOG_LEVEL ?? 'error' });

export function brokers(): string[] {
  return inject('kafkaBrokers');
}

export function mongoUrl(): string {
  return inject('mongoUrl');
}

/** A short random name part, so each test has its own topics, groups and databases. */
export function uniqueId(prefix = 't'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

export function testKafka(clientId = uniqueId('client')) {
  return createKafka({ brokers: brokers(), clientId, logger: testLogger });
}

/** A fresh set of Convene topics under a random prefix, created on the real broker. */
export async function freshTopics(partitions = 3) {
  const prefix = uniqueId('it');
  const topics = prefixedTopics(prefix);
  await ensureTopics(testKafka(), [...Object.values(topics.events), topics.dlq], { partitions });
  return { prefix, ...topics };
}

/** A database of its own for one test file; `monitorCommands` lets a test watch what is sent to it. */
export async function freshDatabase(options: { monitorCommands?: boolean } = {}): Promise<{ db: Connection; name: string; drop: () => Promise<void> }> {
  const name = `convene_test_${uniqueId()}`;
  const db = await mongoose.createConnection(mongoUrl(), { dbName: name, retryWrites: false, monitorCommands: options.monitorCommands ?? false }).asPromise();
  return {
    db,
    name,
    drop: async () => {
      await db.dropDatabase().catch(() => undefined);
      await db.close();
    },
  };
}

export { eventually } from './poll.js';
