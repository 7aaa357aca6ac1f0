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

const CONNECT_TIMEOUT_MS = 10_000;

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
      connectTimeoutMS: CONNECT_TIMEOUT_MS,
      // Poll the server rather than stream (awaitable hello): FerretDB 1.24 advertises topologyVersion, so the
      // driver would stream, and after a FerretDB restart the streaming monitor never checked again: every
      // operation failed with the old "connection closed" error for good (tests/integration/faults). A polling
      // monitor can still hang, more rarely; watchServerMonitor restarts it.
      serverMonitoringMode: 'poll',
      autoIndex: true,
    });
    try {
      await conn.asPromise();
      if (attempt > 1) options.logger.info({ attempt, db: options.dbName }, 'connected to MongoDB');
      watchServerMonitor(conn, options.logger);
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

interface StuckMonitor {
  connection?: { closed?: boolean } | null;
  close?: () => void;
  connect?: () => void;
}

/**
 * The driver's server monitor (mongodb 6.x) can hang for good when the server closes the monitor's connection
 * just as a check is written to it: the write waits for a 'drain' event that a destroyed socket never emits. No
 * check ever runs again, so the server stays "Unknown" and every operation fails server selection with the old
 * "connection closed" error although the server is back (seen with FerretDB restarts, tests/integration/faults).
 * This notices a check still running on a connection that is already closed (or any check running far longer
 * than a connect and a handshake can take) and restarts that server's monitor. It reaches into the driver's
 * topology (Server.monitor), which the driver does not export; if that shape changes, it does nothing.
 */
function watchServerMonitor(conn: Connection, logger: Logger, intervalMs = 2000): void {
  const client = conn.getClient();
  const running = new Map<string, number>();
  const done = (e: { connectionId: string }) => running.delete(e.connectionId);
  client.on('serverHeartbeatStarted', (e) => running.set(e.connectionId, Date.now()));
  client.on('serverHeartbeatSucceeded', done);
  client.on('serverHeartbeatFailed', done);
  const timer = setInterval(() => {
    for (const [address, since] of running) {
      const monitor = (client as unknown as { topology?: { s?: { servers?: Map<string, { monitor?: StuckMonitor }> } } }).topology?.s?.servers?.get(address)?.monitor;
      const forMs = Date.now() - since;
      const stuck = (forMs > 5000 && monitor?.connection?.closed === true) || forMs > 2 * CONNECT_TIMEOUT_MS + 5000;
      if (!stuck || typeof monitor?.close !== 'function' || typeof monitor.connect !== 'function') continue;
      running.delete(address);
      logger.warn({ address, checkRunningMs: forMs }, 'MongoDB server monitor stuck; restarting it');
      monitor.close();
      monitor.connect();
    }
  }, intervalMs);
  timer.unref();
  conn.once('close', () => clearInterval(timer));
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

/**
 * Waits for the index builds of every model compiled on the connection. A service calls it before its first
 * query: mongo-java-server fails a query (and a concurrent index build) with "Unknown error: null" when an
 * index is being added to the same collection at that moment.
 */
export async function indexesBuilt(db: Connection): Promise<void> {
  for (const model of Object.values(db.models)) await model.init();
}

/** Database names: one per service, with an optional suffix so tests never share a database. */
export function databaseName(service: string, suffix?: string): string {
  return suffix ? `convene_${service}_${suffix}` : `convene_${service}`;
}

/** The connection's model of that name, compiled once: services and tests may create stores repeatedly. */
export function modelOf<T>(db: Connection, name: string, schema: Schema<T>): Model<T> {
  return (db.models[name] as Model<T> | undefined) ?? db.model<T>(name, schema);
}
export * from './recordStore.js';
export * from './mirrored.js';
export * from './idsByKey.js';
