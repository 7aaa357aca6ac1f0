import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import mongoose, { type Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import { createKafka, ensureTopics } from '@convene/shared/kafka';
import { createLogger, type Logger } from '@convene/shared/log';
import { prefixedTopics } from '@convene/shared/contracts';
import { ensureStack, stopStack } from '../../infra/local/stack.js';

/**
 * Where Kafka and the database are: set once by `useStack()` at the start of a run (servers named by
 * KAFKA_BROKERS and MONGO_URL, else the local stack, started here if it is not running). Live bindings,
 * so every module sees the values `useStack` chose.
 */
export let brokers: string[] = ['127.0.0.1:9092'];
export let mongoUrl = 'mongodb://127.0.0.1:27017';

/** Topic partitions, as in production (KAFKA_TOPIC_PARTITIONS defaults to 6). */
export const PARTITIONS = 6;

export const benchLogger: Logger = createLogger('bench', { level: 'error' });

/** The names this bench gives its topics and databases: nothing else is ever deleted. */
export const BENCH_TOPIC = /^(bench[0-9a-f]{8}\.|rawbench[0-9a-f]{8}$)/;
export const BENCH_DB = /^(convene_[a-z]+_bench_[0-9a-f]{8}|rawbench_[0-9a-f]{8})$/;

export function uniqueId(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

/** Make sure the stack is there; `release()` stops it again only if this run started it. */
export async function useStack(log: (line: string) => void): Promise<{ external: boolean; startedByUs: boolean; release(): Promise<void> }> {
  const { endpoints, startedByUs } = await ensureStack({ log });
  brokers = endpoints.kafkaBrokers;
  mongoUrl = endpoints.mongoUrl;
  return {
    external: endpoints.external,
    startedByUs,
    async release() {
      if (startedByUs) await stopStack({ log });
    },
  };
}

export function benchKafka(clientId = uniqueId('bench')): Kafka {
  return createKafka({ brokers, clientId, logger: benchLogger });
}

/** Resolve with `work`, or with undefined after `ms` (cleanup must never hang a run). */
export async function bounded<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([work, new Promise<undefined>((r) => { timer = setTimeout(() => r(undefined), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Topics and databases this run created and has not deleted yet: deleted by each benchmark as it ends, and
 * by the runner after Ctrl-C or a crash. Also written to a file, so the next run can remove what a killed run left.
 */
const created = { topics: new Set<string>(), dbs: new Set<string>() };
const ledger = `${os.tmpdir()}/convene-bench-created.json`;
function writeLedger() {
  try {
    fs.writeFileSync(ledger, JSON.stringify({ topics: [...created.topics], dbs: [...created.dbs] }));
  } catch {
    // the ledger is a convenience; `cleanLeftovers` also finds bench names on the servers
  }
}
export function registerDb(name: string): void {
  created.dbs.add(name);
  writeLedger();
}
function registerTopics(names: string[]): void {
  for (const n of names) created.topics.add(n);
  writeLedger();
}

/** A fresh set of Convene topics under a bench prefix. */
export async function freshTopics(kafka: Kafka, prefix = uniqueId('bench')) {
  const topics = prefixedTopics(prefix);
  const all = [...Object.values(topics.events), topics.dlq, topics.live];
  registerTopics(all);
  await ensureTopics(kafka, all, { partitions: PARTITIONS });
  return { prefix, topics, all };
}

/** Delete topics this run created (bench names only), so repeated runs leave the broker tidy. */
export async function deleteTopics(kafka: Kafka, names: string[]): Promise<void> {
  const mine = names.filter((n) => BENCH_TOPIC.test(n));
  if (mine.length === 0) return;
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.deleteTopics({ topics: mine, timeout: 10_000 });
    for (const n of mine) created.topics.delete(n);
    writeLedger();
  } catch (err) {
    const missing = (err as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';
    if (missing) for (const n of mine) created.topics.delete(n);
    else benchLogger.error({ err: (err as Error).message }, 'could not delete bench topics');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function connectDb(dbName: string): Promise<Connection> {
  return mongoose.createConnection(mongoUrl, { dbName, retryWrites: false, serverSelectionTimeoutMS: 3000 }).asPromise();
}

/** Drop a database the bench created (bench names only), giving up after 30 s rather than hanging the run. */
export async function dropDb(dbName: string): Promise<void> {
  if (!BENCH_DB.test(dbName)) return;
  const work = (async () => {
    const db = await connectDb(dbName);
    try {
      await db.dropDatabase();
      created.dbs.delete(dbName);
      writeLedger();
    } finally {
      await db.close();
    }
  })();
  work.catch(() => undefined);
  const done = await bounded(work.then(() => true), 30_000);
  if (!done) benchLogger.error({ dbName }, 'dropping a bench database took over 30 s; left for the next run to remove');
}

/** Remove whatever this run created and has not removed yet (after Ctrl-C or a failure), within `ms`. */
export async function cleanUpCreated(ms = 20_000): Promise<void> {
  await bounded((async () => {
    if (created.topics.size > 0) await deleteTopics(benchKafka(), [...created.topics]);
    for (const db of [...created.dbs]) await dropDb(db);
  })(), ms);
}

/**
 * Topics and databases left by an earlier run that was killed (bench names only; another bench run cannot
 * be using them, the runner holds a lock). Databases are looked for with listDatabases, which FerretDB 1.24
 * cannot answer while a database is deadlocked: bounded, and the ledger of the last run is used as well.
 */
export async function cleanLeftovers(log: (line: string) => void): Promise<void> {
  let fromLedger: { topics: string[]; dbs: string[] } = { topics: [], dbs: [] };
  try {
    fromLedger = JSON.parse(fs.readFileSync(ledger, 'utf8')) as typeof fromLedger;
  } catch {
    // no earlier run, or it finished cleanly
  }
  const kafka = benchKafka();
  const admin = kafka.admin();
  await admin.connect();
  const topics = new Set([...(await admin.listTopics()).filter((t) => BENCH_TOPIC.test(t))]);
  await admin.disconnect();
  const dbs = new Set(fromLedger.dbs.filter((d) => BENCH_DB.test(d)));
  const listed = await bounded((async () => {
    const db = await connectDb('admin');
    try {
      const { databases } = await db.db!.admin().listDatabases({ nameOnly: true });
      return databases.map((d) => d.name);
    } finally {
      await db.close();
    }
  })().catch(() => undefined), 10_000);
  for (const name of listed ?? []) if (BENCH_DB.test(name)) dbs.add(name);
  if (topics.size === 0 && dbs.size === 0) return;
  log(`  removing what an earlier run left: ${topics.size} topics, ${dbs.size} databases`);
  if (topics.size > 0) await deleteTopics(kafka, [...topics]);
  for (const db of dbs) await dropDb(db);
  writeLedger();
}

/** Is the stack up? A clear message beats a 60-second connection timeout. */
export async function assertStackUp(): Promise<void> {
  const kafka = benchKafka();
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (err) {
    throw new Error(`Kafka is not reachable at ${brokers.join(',')} (${(err as Error).message}); start the local stack with \`npm run stack:up\``);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  try {
    const db = await connectDb('admin');
    await db.db!.admin().ping();
    await db.close();
  } catch (err) {
    throw new Error(`MongoDB/FerretDB is not reachable at ${mongoUrl} (${(err as Error).message}); start the local stack with \`npm run stack:up\``);
  }
}

/** Messages on these topics (sum of high watermarks): what a replay from offset 0 reads. */
export async function messagesOn(kafka: Kafka, topics: string[]): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    let total = 0;
    for (const topic of topics) for (const p of await admin.fetchTopicOffsets(topic)) total += Number(p.high) - Number(p.low);
    return total;
  } finally {
    await admin.disconnect();
  }
}

/** One bench run at a time: two would share two cores and ruin each other's figures (and cleanup). */
export function takeRunLock(): () => void {
  const file = `${os.tmpdir()}/convene-bench.lock`;
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        throw new Error(`another bench run (pid ${pid}) is running; wait for it to finish (lock ${file})`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
