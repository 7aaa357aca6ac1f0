export * from './idempotent.js';
import mongoose, { type Connection, type Model, type Schema } from 'mongoose';
import type { Logger } from '../log/index.js';

/** A connection URL safe to print: any password is replaced. */
export function redactMongoUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

export interface MongoOptions {
  url: string;
  dbName: string;
  logger: Logger;
  attempts?: number;
  delayMs?: number;
}

export class MongoUnavailableError extends Error {
  readonly retriable = true;
  constructor(url: string, dbName: string, cause: unknown) {
    super(`cannot reach MongoDB at ${redactMongoUrl(url)} (database ${dbName}): ${(cause as Error)?.message ?? cause}`, { cause });
    this.name = 'MongoUnavailableError';
  }
}

/**
 * One connection per service, to its own database. Retries at start-up so a service started alongside
 * its database waits for it instead of crashing; gives up with a message that names the URL.
 */
export async function connectMongo(options: MongoOptions): Promise<Connection> {
  const attempts = options.attempts ?? 20;
  const delayMs = options.delayMs ?? 500;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const conn = mongoose.createConnection(options.url, {
      dbName: options.dbName,
      serverSelectionTimeoutMS: 3000,
      // FerretDB and single-node MongoDB alike: no retryable writes, which need a replica set.
      retryWrites: false,
      autoIndex: true,
    });
    try {
      await conn.asPromise();
      if (attempt > 1) options.logger.info({ attempt, db: options.dbName }, 'connected to MongoDB');
      return conn;
    } catch (err) {
      lastError = err;
      await conn.close().catch(() => undefined);
      options.logger.warn({ attempt, attempts, url: redactMongoUrl(options.url) }, 'MongoDB not reachable yet');
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
  throw new MongoUnavailableError(options.url, options.dbName, lastError);
}

export async function mongoReachable(conn: Connection, timeoutMs = 2000): Promise<boolean> {
  try {
    const ping = conn.db?.admin().ping();
    if (!ping) return false;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref());
    await Promise.race([ping, timeout]);
    return true;
  } catch {
    return false;
  }
}

/** Database names: one per service, with an optional suffix so tests never share a database. */
export function databaseName(service: string, suffix?: string): string {
  return suffix ? `convene_${service}_${suffix}` : `convene_${service}`;
}

/** The connection's model of that name, compiled once: services and tests may create stores repeatedly. */
export function modelOf<T>(db: Connection, name: string, schema: Schema<T>): Model<T> {
  return (db.models[name] as Model<T> | undefined) ?? db.model<T>(name, schema);
}
