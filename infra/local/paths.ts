// Where the local stack keeps its downloads, builds and state, plus fixed ports/versions.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const KAFKA_VERSION = '3.9.1';
export const FERRETDB_VERSION = '1.24.0';

// Loopback only: nothing in the local stack should be reachable from the network.
export const HOST = '127.0.0.1';
export const KAFKA_PORT = 9092;
export const KAFKA_CONTROLLER_PORT = 9093;
export const MONGO_PORT = 27017;

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

/** Private Go module + build caches, again so the Convene cache is self-contained. */
export function goCacheDir(): string {
  return path.join(cacheDir(), 'go');
}

export function stackStateDir(): string {
  return path.join(cacheDir(), 'stack');
}

export function stateFile(): string {
  return path.join(stackStateDir(), 'state.json');
}

export function lockFile(): string {
  return path.join(stackStateDir(), 'lock');
}
