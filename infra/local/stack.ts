// Programmatic entry point for the local stack (Kafka + a MongoDB-wire stand-in, see db.ts), used by the CLI, vitest global
// setup and the demo. Servers are detached and recorded in a state file, so any process can
// find, reuse or stop them.
import { promises as dns } from 'node:dns';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type DbServer, dbServer, logSize } from './db.js';
import { ensureKafkaInstalled, startKafka, waitForKafka } from './kafka.js';
import { type DbEngine, HOST, KAFKA_VERSION, type StackConfig, stackConfig } from './paths.js';
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

export interface StackOptions {
  log?: Log;
  /**
   * Where to read KAFKA_BROKERS/MONGO_URL and CONVENE_STACK_* from (default: process.env). A caller that
   * manages a second stack passes them here rather than changing its own environment.
   */
  env?: NodeJS.ProcessEnv;
}

function localMongoUrl(config: StackConfig): string {
  return `mongodb://${HOST}:${config.mongoPort}`; // no database name: each service appends its own
}

function localEndpoints(config: StackConfig): StackEndpoints {
  return { kafkaBrokers: [`${HOST}:${config.kafkaPort}`], mongoUrl: localMongoUrl(config), external: false };
}

const defaultLog: Log = (line) => process.stderr.write(`[convene stack] ${line}\n`);

/** The database a recorded stack runs (state files from before the choice ran FerretDB), else the configured one. */
function dbOf(state: StackState | undefined, config: StackConfig): DbServer {
  const engine: DbEngine = state ? (state.db ?? 'ferretdb') : config.db;
  return dbServer(engine);
}

/** Both variables set = the user runs their own Kafka and MongoDB; we start nothing. */
function externalEndpoints(env: NodeJS.ProcessEnv = process.env): StackEndpoints | undefined {
  const brokers = env.KAFKA_BROKERS?.trim();
  const mongoUrl = env.MONGO_URL?.trim();
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
async function teardown(state: StackState, log: Log, removeData: boolean, config: StackConfig): Promise<void> {
  const stopOne = async (name: string, server: ServerState | undefined) => {
    if (!server || !isOurProcess(server.pid, server.cmdlineNeedle)) return;
    const how = await stopProcessGroup(server.pid);
    log(`${name} (pid ${server.pid}) ${how === 'killed' ? 'did not stop in time; killed' : 'stopped'}`);
  };
  await Promise.all([stopOne('Kafka', state.kafka), stopOne(dbOf(state, config).label, state.mongo)]);
  if (removeData) await fsp.rm(state.dataDir, { recursive: true, force: true });
  clearState(config);
}

async function assertPortsFree(config: StackConfig): Promise<void> {
  const ports: [number, string][] = [
    [config.kafkaPort, 'Kafka'],
    [config.kafkaControllerPort, 'Kafka controller'],
    [config.mongoPort, `MongoDB/${config.db}`],
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

function describe(state: StackState, config: StackConfig): string[] {
  return [
    `Kafka ${KAFKA_VERSION} on ${HOST}:${config.kafkaPort} (pid ${state.kafka?.pid}, log ${state.kafka?.logFile})`,
    `${dbOf(state, config).label} (MongoDB wire) on ${localMongoUrl(config)} (pid ${state.mongo?.pid}, log ${state.mongo?.logFile})`,
  ];
}

async function startFresh(log: Log, config: StackConfig): Promise<void> {
  await assertPortsFree(config);
  const db = dbServer(config.db);
  await Promise.all([ensureKafkaInstalled(log), db.ensureInstalled(log)]);
  await assertPortsFree(config); // again: a long first-run build leaves time for someone else to grab them

  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), config.name ? `convene-stack-${config.name}-` : 'convene-stack-'));
  const state: StackState = { startedAt: new Date().toISOString(), dataDir, db: db.engine };
  writeState(state, config); // recorded before spawning, so `down` can clean up even if we die mid-start
  try {
    log(`starting Kafka ${KAFKA_VERSION} and ${db.label} (data in ${dataDir})…`);
    // allSettled, not all: if one fails to start, the other may still have been spawned and must be recorded.
    const [kafka, mongo] = await Promise.allSettled([startKafka(dataDir, { config }), db.start(dataDir, config)]);
    if (kafka.status === 'fulfilled') state.kafka = kafka.value;
    if (mongo.status === 'fulfilled') state.mongo = mongo.value;
    writeState(state, config);
    if (kafka.status === 'rejected') throw kafka.reason;
    if (mongo.status === 'rejected') throw mongo.reason;
    await Promise.all([waitForKafka(kafka.value), db.waitReady(mongo.value, 0)]);
    for (const line of describe(state, config)) log(line);
  } catch (err) {
    // Keep the data folder: the server logs in it are what the user needs now.
    await teardown(state, log, false, config);
    throw err;
  }
}

/**
 * Make sure Kafka and a MongoDB-compatible server are reachable, starting the local stack if needed.
 * `startedByUs` tells a caller (e.g. a test setup) whether it should stop the stack afterwards.
 */
export async function ensureStack(opts?: StackOptions): Promise<{ endpoints: StackEndpoints; startedByUs: boolean }> {
  const log = opts?.log ?? defaultLog;
  const config = stackConfig(opts?.env);
  const external = externalEndpoints(opts?.env);
  if (external) {
    log(`using external servers: Kafka ${external.kafkaBrokers.join(',')}, MongoDB ${redact(external.mongoUrl)} (from KAFKA_BROKERS / MONGO_URL)`);
    return { endpoints: external, startedByUs: false };
  }
  try {
    return await withStackLock(
      async () => {
        const state = readState(config);
        if (state) {
          const [kafkaUp, mongoUp] = await Promise.all([healthy(state.kafka), healthy(state.mongo)]);
          if (kafkaUp && mongoUp) {
            log('local stack already running:');
            const running = dbOf(state, config);
            if (running.engine !== config.db) log(`(it runs ${running.label}, not ${config.db}: stop it (stack:down) to switch)`);
            for (const line of describe(state, config)) log(line);
            return { endpoints: localEndpoints(config), startedByUs: false };
          }
          log('previous local stack is only partly running; restarting both with fresh data');
          await teardown(state, log, true, config);
        }
        await startFresh(log, config);
        return { endpoints: localEndpoints(config), startedByUs: true };
      },
      (owner) => log(`waiting for another stack command (pid ${owner}) to finish…`),
      config,
    );
  } catch (err) {
    throw withLogTail(err);
  }
}

/** Stop the local stack (if this cache recorded one) and delete its data folder. */
export async function stopStack(opts?: StackOptions): Promise<void> {
  const log = opts?.log ?? defaultLog;
  const config = stackConfig(opts?.env);
  await withStackLock(async () => {
    const state = readState(config);
    if (!state) {
      log(
        externalEndpoints(opts?.env)
          ? 'using external servers (KAFKA_BROKERS / MONGO_URL); nothing local to stop'
          : 'local stack is not running; nothing to stop',
      );
      return;
    }
    log('stopping local stack…');
    await teardown(state, log, true, config);
    log(`stopped; removed ${state.dataDir}`);
  }, undefined, config);
}

export type StackServer = 'kafka' | 'mongo';

function serverLabel(which: StackServer, state: StackState, config: StackConfig): string {
  return which === 'kafka' ? 'Kafka' : dbOf(state, config).label;
}

/** The state of a stack this cache started (never external servers), or a clear error. */
function managedState(opts: StackOptions | undefined, config: StackConfig, verb: string): StackState {
  if (externalEndpoints(opts?.env)) throw new Error(`cannot ${verb} a server of external servers (KAFKA_BROKERS / MONGO_URL are set)`);
  const state = readState(config);
  if (!state) throw new Error(`cannot ${verb}: no local stack is recorded${config.name ? ` under the name ${config.name}` : ''}`);
  return state;
}

/**
 * Stop ONE server of a running local stack (SIGTERM, or SIGKILL with `kill: true`), keeping its data folder
 * and its record in the state file, so `startServer` can bring it back with everything it held.
 */
export async function stopServer(which: StackServer, opts?: StackOptions & { kill?: boolean }): Promise<'not running' | 'terminated' | 'killed'> {
  const log = opts?.log ?? defaultLog;
  const config = stackConfig(opts?.env);
  return withStackLock(async () => {
    const state = managedState(opts, config, 'stop');
    const server = state[which];
    if (!server || !isOurProcess(server.pid, server.cmdlineNeedle)) return 'not running';
    const how = await stopProcessGroup(server.pid, opts?.kill ? 0 : 15_000);
    log(`${serverLabel(which, state, config)} (pid ${server.pid}) ${how === 'killed' ? 'killed' : 'stopped'}; data kept`);
    return how;
  }, undefined, config);
}

/** Start ONE server of the local stack again on the data folder it had (after `stopServer`), and wait until it is ready. */
export async function startServer(which: StackServer, opts?: StackOptions): Promise<void> {
  const log = opts?.log ?? defaultLog;
  const config = stackConfig(opts?.env);
  try {
    await withStackLock(async () => {
      const state = managedState(opts, config, 'start');
      const previous = state[which];
      if (await healthy(previous)) return;
      if (previous && isOurProcess(previous.pid, previous.cmdlineNeedle)) throw new Error(`${serverLabel(which, state, config)} (pid ${previous.pid}) is running but not answering; stop it first`);
      // The ports it had, so clients configured for this stack find it again.
      const ports: StackConfig = {
        ...config,
        ...(state.kafka ? { kafkaPort: state.kafka.port, kafkaControllerPort: state.kafka.controllerPort } : {}),
        ...(state.mongo ? { mongoPort: state.mongo.port } : {}),
      };
      if (which === 'kafka') {
        const logFile = previous?.logFile ?? path.join(state.dataDir, 'kafka.log');
        const logFrom = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
        state.kafka = await startKafka(state.dataDir, { config: ports, format: !fs.existsSync(path.join(state.dataDir, 'kafka', 'data', 'meta.properties')) });
        writeState(state, config);
        await waitForKafka(state.kafka, 90_000, logFrom);
      } else {
        const db = dbOf(state, config);
        const logFrom = logSize(previous?.logFile);
        state.mongo = await db.start(state.dataDir, ports);
        writeState(state, config);
        await db.waitReady(state.mongo, logFrom);
      }
      log(`${serverLabel(which, state, config)} started again (pid ${state[which]?.pid}) on ${state.dataDir}`);
    }, undefined, config);
  } catch (err) {
    throw withLogTail(err);
  }
}

/** Stop ONE server, leave it down for `downMs`, start it again on the same data, and wait until it is ready. */
export async function restartServer(which: StackServer, opts?: StackOptions & { downMs?: number; kill?: boolean }): Promise<{ stopped: 'not running' | 'terminated' | 'killed'; downMs: number }> {
  const stoppedAt = Date.now();
  const stopped = await stopServer(which, opts);
  await new Promise((r) => setTimeout(r, opts?.downMs ?? 5000));
  await startServer(which, opts);
  return { stopped, downMs: Date.now() - stoppedAt };
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
export async function stackStatus(opts?: Pick<StackOptions, 'env'>): Promise<{ kafka: ServerStatus; mongo: ServerStatus; external: boolean }> {
  const config = stackConfig(opts?.env);
  const external = externalEndpoints(opts?.env);
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

  const state = readState(config);
  const one = async (server: ServerState | undefined, where: string, port: number, version: string, name = ''): Promise<ServerStatus> => {
    if (await healthy(server)) return { up: true, where, version: `${name}${server?.version ?? version}` };
    // Not ours, but worth saying why `up` would fail.
    const squatter = await isPortListening(port, HOST);
    return { up: false, where: squatter ? `${where} (port in use by a process Convene did not start)` : where, version: `${name}${version}` };
  };
  const [kafka, mongo] = await Promise.all([
    one(state?.kafka, `${HOST}:${config.kafkaPort}`, config.kafkaPort, KAFKA_VERSION),
    one(state?.mongo, localMongoUrl(config), config.mongoPort, dbOf(state, config).version, `${dbOf(state, config).engine} `),
  ]);
  return { kafka, mongo, external: false };
}
