// The state file lets `status`/`down` (separate processes) find what `up` started; the lock keeps
// two concurrent `up`s (say, a test run and a terminal) from starting the stack twice.
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DbEngine, type StackConfig, lockFile, stackConfig, stackStateDir, stateFile } from './paths.js';
import { isAlive } from './processes.js';

export interface ServerState {
  pid: number;
  port: number;
  version: string;
  logFile: string;
  /** Substring of the process command line, to tell our process from a reused pid. */
  cmdlineNeedle: string;
}

export interface StackState {
  startedAt: string;
  dataDir: string;
  /** The database stand-in this stack runs; absent in state files written before there was a choice (FerretDB). */
  db?: DbEngine;
  kafka?: ServerState & { controllerPort: number };
  mongo?: ServerState;
}

export function readState(config: StackConfig = stackConfig()): StackState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(config), 'utf8')) as StackState;
  } catch {
    return undefined; // missing or half-written: treat as "nothing recorded"
  }
}

export function writeState(state: StackState, config: StackConfig = stackConfig()): void {
  fs.mkdirSync(stackStateDir(config), { recursive: true });
  // Write-then-rename so a reader never sees a truncated file.
  const tmp = `${stateFile(config)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
  fs.renameSync(tmp, stateFile(config));
}

export function clearState(config: StackConfig = stackConfig()): void {
  fs.rmSync(stateFile(config), { force: true });
}

/**
 * Run `fn` holding an exclusive lock file. A lock whose owner died is taken over.
 * Waits long because the holder may be doing a first-run build.
 */
export function withStackLock<T>(fn: () => Promise<T>, onWait?: (ownerPid: number) => void, config: StackConfig = stackConfig()): Promise<T> {
  // Serialise calls within this process first; the file lock then only arbitrates between processes.
  const run = inProcess.then(() => withFileLock(fn, config, onWait));
  inProcess = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

let inProcess: Promise<void> = Promise.resolve();

async function withFileLock<T>(fn: () => Promise<T>, config: StackConfig, onWait?: (ownerPid: number) => void, maxWaitMs = 15 * 60_000): Promise<T> {
  fs.mkdirSync(stackStateDir(config), { recursive: true });
  const file = lockFile(config);
  const deadline = Date.now() + maxWaitMs;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    if (!Number.isInteger(owner) || owner === process.pid || !isAlive(owner)) {
      fs.rmSync(file, { force: true }); // stale
      continue;
    }
    if (!announced) {
      onWait?.(owner);
      announced = true;
    }
    if (Date.now() > deadline) throw new Error(`another Convene stack command (pid ${owner}) holds ${file}`);
    await sleep(500);
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(file, { force: true });
  }
}
