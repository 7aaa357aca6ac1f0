// Programmatic entry point for the local stack (Kafka + FerretDB), used by the CLI, vitest global
// setup and the demo. Servers are detached and recorded in a state file, so any process can
// find, reuse or stop them.
import { promises as dns } from 'node:dns';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ensureFerretBuilt, startFerret, waitForFerret } from './ferretdb.js';
import { ensureKafkaInstalled, startKafka, waitForKafka } from './kafka.js';
import { FERRETDB_VERSION, HOST, KAFKA_CONTROLLER_PORT, KAFKA_PORT, KAFKA_VERSION, MONGO_PORT } from './paths.js';
import { LoggedError, isOurProcess, isPortFree, isPortListening, stopProcessGroup, tailFile } from './processes.js';
import { type ServerState, type StackState, clearState, readState, withStackLock, writeState } from './state.js';

export interface StackEndpoints {
  kafkaBrokers: string[];
  mongoUrl: string;
  external: boolean;
}

export interface ServerStatus {
  up: boolean;
  where: string;
  version: string;
}

type Log = (line: string) => void;

const LOCAL_MONGO_URL = `mongodb://${HOST}:${MONGO_PORT}`; // no database name: each service appends its own

function localEndpoints(): StackEndpoints {
  return { kafkaBrokers: [`${HOST}:${KAFKA_PORT}`], mongoUrl: LOCAL_MONGO_URL, external: false };
}

const defaultLog: Log = (line) => process.stderr.write(`[convene stack] ${line}\n`);

/** Both variables set = the user runs their own Kafka and MongoDB; we start nothing. */
function externalEndpoints(): StackEndpoints | undefined {
  const brokers = process.env.KAFKA_BROKERS?.trim();
  const mongoUrl = process.env.MONGO_URL?.trim();
  if (!brokers || !mongoUrl) return undefined;
  const kafkaBrokers = brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  return { kafkaBrokers, mongoUrl, external: true };
}

/** Hide a password in a connection string before printing it. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
}

async function healthy(server: ServerState | undefined): Promise<boolean> {
  return server !== undefined && isOurProcess(server.pid, server.cmdlineNeedle) && (await isPortListening(server.port, HOST));
}

/** Stop whatever `state` records (only if the pids are still ours), optionally delete its data. */
async function teardown(state: StackState, log: Log, removeData: boolean): Promise<void> {
  const stopOne = async (name: string, server: ServerState | undefined) => {
    if (!server || !isOurProcess(server.pid, server.cmdlineNeedle)) return;
    const how = await stopProcessGroup(server.pid);
    log(`${name} (pid ${server.pid}) ${how === 'killed' ? 'did not stop in time; killed' : 'stopped'}`);
  };
  await Promise.all([stopOne('Kafka', state.kafka), stopOne('FerretDB', state.mongo)]);
  if (removeData) await fsp.rm(state.dataDir, { recursive: true, force: true });
  clearState();
}

async function assertPortsFree(): Promise<void> {
  const ports: [number, string][] = [
    [KAFKA_PORT, 'Kafka'],
    [KAFKA_CONTROLLER_PORT, 'Kafka controller'],
    [MONGO_PORT, 'MongoDB/FerretDB'],
  ];
  for (const [port, what] of ports) {
    if (!(await isPortFree(port, HOST))) {
      throw new Error(
        `port ${port} (${what}) on ${HOST} is already in use by a process Convene did not start. ` +
          `Stop it, or use your own servers by setting both KAFKA_BROKERS and MONGO_URL.`,
      );
    }
  }
}

/** Turn a failure into one message that includes where to look and what the log said last. */
function withLogTail(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof LoggedError) || !err.logFile) return err instanceof Error ? err : new Error(message);
  const tail = tailFile(err.logFile, 20);
  const shown = tail ? `\n--- last lines of ${err.logFile} ---\n${tail}\n---` : '';
  return new Error(`${message}\nlog: ${err.logFile}${shown}`);
}

function describe(state: StackState): string[] {
  return [
    `Kafka ${KAFKA_VERSION} on ${HOST}:${KAFKA_PORT} (pid ${state.kafka?.pid}, log ${state.kafka?.logFile})`,
    `FerretDB ${FERRETDB_VERSION} (MongoDB wire) on ${LOCAL_MONGO_URL} (pid ${state.mongo?.pid}, log ${state.mongo?.logFile})`,
  ];
}

async function startFresh(log: Log): Promise<void> {
  await assertPortsFree();
  await Promise.all([ensureKafkaInstalled(log), ensureFerretBuilt(log)]);
  await assertPortsFree(); // again: a long first-run build leaves time for someone else to grab them

  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'convene-stack-'));
  const state: StackState = { startedAt: new Date().toISOString(), dataDir };
  writeState(state); // recorded before spawning, so `down` can clean up even if we die mid-start
  try {
    log(`starting Kafka ${KAFKA_VERSION} and FerretDB ${FERRETDB_VERSION} (data in ${dataDir})…`);
    // allSettled, not all: if one fails to start, the other may still have been spawned and must be recorded.
    const [kafka, mongo] = await Promise.allSettled([startKafka(dataDir), startFerret(dataDir)]);
    if (kafka.status === 'fulfilled') state.kafka = kafka.value;
    if (mongo.status === 'fulfilled') state.mongo = mongo.value;
    writeState(state);
    if (kafka.status === 'rejected') throw kafka.reason;
    if (mongo.status === 'rejected') throw mongo.reason;
    await Promise.all([waitForKafka(kafka.value), waitForFerret(mongo.value)]);
    for (const line of describe(state)) log(line);
  } catch (err) {
    // Keep the data folder: the server logs in it are what the user needs now.
    await teardown(state, log, false);
    throw err;
  }
}

/**
 * Make sure Kafka and a MongoDB-compatible server are reachable, starting the local stack if needed.
 * `startedByUs` tells a caller (e.g. a test setup) whether it should stop the stack afterwards.
 */
export async function ensureStack(opts?: { log?: Log }): Promise<{ endpoints: StackEndpoints; startedByUs: boolean }> {
  const log = opts?.log ?? defaultLog;
  const external = externalEndpoints();
  if (external) {
    log(`using external servers: Kafka ${external.kafkaBrokers.join(',')}, MongoDB ${redact(external.mongoUrl)} (from KAFKA_BROKERS / MONGO_URL)`);
    return { endpoints: external, startedByUs: false };
  }
  try {
    return await withStackLock(
      async () => {
        const state = readState();
        if (state) {
          const [kafkaUp, mongoUp] = await Promise.all([healthy(state.kafka), healthy(state.mongo)]);
          if (kafkaUp && mongoUp) {
            log('local stack already running:');
            for (const line of describe(state)) log(line);
            return { endpoints: localEndpoints(), startedByUs: false };
          }
          log('previous local stack is only partly running; restarting both with fresh data');
          await teardown(state, log, true);
        }
        await startFresh(log);
        return { endpoints: localEndpoints(), startedByUs: true };
      },
      (owner) => log(`waiting for another stack command (pid ${owner}) to finish…`),
    );
  } catch (err) {
    throw withLogTail(err);
  }
}

/** Stop the local stack (if this cache recorded one) and delete its data folder. */
export async function stopStack(opts?: { log?: Log }): Promise<void> {
  const log = opts?.log ?? defaultLog;
  await withStackLock(async () => {
    const state = readState();
    if (!state) {
      log(
        externalEndpoints()
          ? 'using external servers (KAFKA_BROKERS / MONGO_URL); nothing local to stop'
          : 'local stack is not running; nothing to stop',
      );
      return;
    }
    log('stopping local stack…');
    await teardown(state, log, true);
    log(`stopped; removed ${state.dataDir}`);
  });
}

/** "host:port" / "[v6]:port" → parts; default port when absent. */
function splitHostPort(hostPort: string, defaultPort: number): { host: string; port: number } {
  const m = /^\[?([^\]]*?)\]?(?::(\d+))?$/.exec(hostPort.trim());
  const host = m?.[1] || hostPort;
  return { host, port: m?.[2] ? Number(m[2]) : defaultPort };
}

/** First host of a mongodb:// or mongodb+srv:// URL (SRV resolved via DNS). */
async function firstMongoHost(url: string): Promise<{ host: string; port: number } | undefined> {
  const m = /^mongodb(\+srv)?:\/\/(?:[^@/]*@)?([^/?]+)/.exec(url);
  if (!m?.[2]) return undefined;
  const first = m[2].split(',')[0] ?? '';
  if (!m[1]) return splitHostPort(first, 27017);
  try {
    const [srv] = await dns.resolveSrv(`_mongodb._tcp.${first}`);
    return srv ? { host: srv.name, port: srv.port } : undefined;
  } catch {
    return undefined;
  }
}

async function reachable(target: { host: string; port: number } | undefined): Promise<boolean> {
  return target !== undefined && isPortListening(target.port, target.host, 2000);
}

/** What is running right now, as seen from the state file and the ports. */
export async function stackStatus(): Promise<{ kafka: ServerStatus; mongo: ServerStatus; external: boolean }> {
  const external = externalEndpoints();
  if (external) {
    const [kafkaUp, mongoUp] = await Promise.all([
      reachable(splitHostPort(external.kafkaBrokers[0] ?? '', 9092)),
      firstMongoHost(external.mongoUrl).then(reachable),
    ]);
    return {
      kafka: { up: kafkaUp, where: external.kafkaBrokers.join(','), version: 'external' },
      mongo: { up: mongoUp, where: redact(external.mongoUrl), version: 'external' },
      external: true,
    };
  }

  const state = readState();
  const one = async (server: ServerState | undefined, where: string, port: number, version: string): Promise<ServerStatus> => {
    if (await healthy(server)) return { up: true, where, version: server?.version ?? version };
    // Not ours, but worth saying why `up` would fail.
    const squatter = await isPortListening(port, HOST);
    return { up: false, where: squatter ? `${where} (port in use by a process Convene did not start)` : where, version };
  };
  const [kafka, mongo] = await Promise.all([
    one(state?.kafka, `${HOST}:${KAFKA_PORT}`, KAFKA_PORT, KAFKA_VERSION),
    one(state?.mongo, LOCAL_MONGO_URL, MONGO_PORT, FERRETDB_VERSION),
  ]);
  return { kafka, mongo, external: false };
}
