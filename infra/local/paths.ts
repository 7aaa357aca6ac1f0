// Where the local stack keeps its downloads, builds and state, plus its ports/versions.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = '3.9.1';
export const FERRETDB_VERSION = '1.24.0';
export const MONGO_JAVA_SERVER_VERSION = '1.47.0';

/**
 * Which MongoDB-wire stand-in the local stack runs (CONVENE_DB): 'mongo-java-server' (H2 backend, one file;
 * the default) or 'ferretdb' (SQLite backend). Both are for development and tests only; deployments run
 * MongoDB (docker-compose). Their quirks are listed in infra/local/db.ts.
 */
export type DbEngine = 'mongo-java-server' | 'ferretdb';
export const DB_ENGINES: readonly DbEngine[] = ['mongo-java-server', 'ferretdb'];
export const DEFAULT_DB_ENGINE: DbEngine = 'mongo-java-server';

// Loopback only: nothing in the local stack should be reachable from the network.
export const HOST = '127.0.0.1';
// Default ports; a second stack beside the default one takes others (see stackConfig).
export const KAFKA_PORT = 9092;
export const KAFKA_CONTROLLER_PORT = 9093;
export const MONGO_PORT = 27017;

/** Which stack to manage: its name (own state file and data) and its ports. */
export interface StackConfig {
  /** '' for the default stack; otherwise a second stack with its own state folder (stack-<name>). */
  name: string;
  kafkaPort: number;
  kafkaControllerPort: number;
  mongoPort: number;
  /** The database stand-in a stack started now would run (a running stack keeps the one it recorded). */
  db: DbEngine;
}

function portFrom(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${variable}=${raw} is not a TCP port`);
  return port;
}

function dbEngineFrom(env: NodeJS.ProcessEnv): DbEngine {
  const raw = env.CONVENE_DB?.trim();
  if (!raw) return DEFAULT_DB_ENGINE;
  const engine = DB_ENGINES.find((e) => e === raw);
  if (!engine) throw new Error(`CONVENE_DB=${raw}: use one of ${DB_ENGINES.join(', ')}`);
  return engine;
}

/**
 * The stack named by the environment: by default the usual one (9092/9093/27017, state in stack/).
 * CONVENE_STACK_NAME gives a second stack its own state file, lock and data folder, and
 * CONVENE_STACK_KAFKA_PORT, CONVENE_STACK_KAFKA_CONTROLLER_PORT and CONVENE_STACK_MONGO_PORT its own ports,
 * so it can run beside the default one (e.g. a test that stops and restarts its servers). CONVENE_DB picks
 * the database stand-in (see DbEngine).
 */
export function stackConfig(env: NodeJS.ProcessEnv = process.env): StackConfig {
  const name = env.CONVENE_STACK_NAME?.trim() ?? '';
  if (name !== '' && !/^[a-z0-9][a-z0-9_-]{0,31}$/.test(name)) throw new Error(`CONVENE_STACK_NAME=${name}: use lower-case letters, digits, - and _`);
  const config: StackConfig = {
    name,
    kafkaPort: portFrom(env, 'CONVENE_STACK_KAFKA_PORT', KAFKA_PORT),
    kafkaControllerPort: portFrom(env, 'CONVENE_STACK_KAFKA_CONTROLLER_PORT', KAFKA_CONTROLLER_PORT),
    mongoPort: portFrom(env, 'CONVENE_STACK_MONGO_PORT', MONGO_PORT),
    db: dbEngineFrom(env),
  };
  if (new Set([config.kafkaPort, config.kafkaControllerPort, config.mongoPort]).size !== 3) {
    throw new Error(`the stack's ports must differ: Kafka ${config.kafkaPort}, controller ${config.kafkaControllerPort}, MongoDB ${config.mongoPort}`);
  }
  return config;
}

/** Folder holding this module (infra/local), for files that ship with the repo (the pom). */
export const infraLocalDir = path.dirname(fileURLToPath(import.meta.url));

/** Root of everything cached between runs; `rm -rf` it to start from scratch. */
export function cacheDir(): string {
  const fromEnv = process.env.CONVENE_CACHE;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.join(os.homedir(), '.cache', 'convene');
}

export function kafkaDir(): string {
  return path.join(cacheDir(), `kafka-${KAFKA_VERSION}`);
}

export function kafkaLibsDir(): string {
  return path.join(kafkaDir(), 'libs');
}

/** Private Maven repository so the cache is self-contained (and ~/.m2 untouched). */
export function mavenRepoDir(): string {
  return path.join(cacheDir(), 'm2');
}

export function ferretDir(): string {
  return path.join(cacheDir(), `ferretdb-${FERRETDB_VERSION}`);
}

export function ferretBinary(): string {
  return path.join(ferretDir(), process.platform === 'win32' ? 'ferretdb.exe' : 'ferretdb');
}

export function mongoJavaServerDir(): string {
  return path.join(cacheDir(), `mongo-java-server-${MONGO_JAVA_SERVER_VERSION}`);
}

/** Private Go module + build caches, again so the Convene cache is self-contained. */
export function goCacheDir(): string {
  return path.join(cacheDir(), 'go');
}

export function stackStateDir(config: StackConfig = stackConfig()): string {
  return path.join(cacheDir(), config.name ? `stack-${config.name}` : 'stack');
}

export function stateFile(config: StackConfig = stackConfig()): string {
  return path.join(stackStateDir(config), 'state.json');
}

export function lockFile(config: StackConfig = stackConfig()): string {
  return path.join(stackStateDir(config), 'lock');
}
