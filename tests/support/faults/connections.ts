import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { createKafka } from '@convene/shared/kafka';
import { createLogger } from '@convene/shared/log';
import { connectMongo } from '@convene/shared/mongo';

// Connections the checks make themselves.

/** The services' own connect (shared/src/mongo): the same driver settings and monitor watchdog, so the checks survive a FerretDB restart too. */
export function connectDb(mongoUrl: string, dbName: string): Promise<Connection> {
  return connectMongo({ url: mongoUrl, dbName, logger: createLogger('faults', { level: 'warn' }), attempts: 5 });
}

export function faultKafka(brokers: string[], clientId: string): Kafka {
  return createKafka({ brokers, clientId, logger: createLogger('faults', { level: 'error' }) });
}


