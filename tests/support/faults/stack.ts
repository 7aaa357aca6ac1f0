import fs from 'node:fs';
import path from 'node:path';
import type { Kafka } from 'kafkajs';
import { cacheDir, stackConfig } from '../../../infra/local/paths.js';
import { readState } from '../../../infra/local/state.js';
import { isAlive, isPortFree } from '../../../infra/local/processes.js';
import { ensureStack, restartServer, stopStack, type StackServer } from '../../../infra/local/stack.js';
import type { Log } from './basics.js';

// A stack of our own: Kafka and FerretDB on other ports, under another name (own state file, data folder).

export interface FaultStack {
  name: string;
  /** The CONVENE_STACK_* variables naming this stack; passed to the infra functions, never put in process.env. */
  env: NodeJS.ProcessEnv;
  brokers: string[];
  mongoUrl: string;
  /** Stop one server, keep it down for `downMs`, start it again on its data; resolves once it is ready. */
  restart(which: StackServer, downMs: number): Promise<{ outageMs: number }>;
  /** Stop both servers and delete their data; their logs are copied to `keepLogsIn` first if given. */
  stop(keepLogsIn?: string): Promise<void>;
}

const DEFAULT_PORTS = new Set([9092, 9093, 27017]);
const OWNER_FILE = 'faults-owner';

async function portsFree(ports: number[]): Promise<boolean> {
  for (const p of ports) if (!(await isPortFree(p, '127.0.0.1'))) return false;
  return true;
}

/** Three free loopback ports below the ephemeral range: the usual 19092/19093/27027 if free, else others. */
async function pickPorts(): Promise<[number, number, number]> {
  const preferred: [number, number, number] = [19092, 19093, 27027];
  if (await portsFree(preferred)) return preferred;
  for (let attempt = 0; attempt < 40; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 900) * 10;
    const trio: [number, number, number] = [base, base + 1, base + 2];
    if (await portsFree(trio)) return trio;
  }
  throw new Error('no three free loopback ports found for the fault stack');
}

/** Stacks named faults-<pid> whose test process is gone: stop them (their own processes only) and forget them. */
async function removeAbandonedStacks(log: Log): Promise<void> {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(cacheDir());
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = /^stack-(faults-(\d+))$/.exec(entry);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    log(`removing the fault stack ${m[1]} left by process ${pid}`);
    await stopStack({ env: { CONVENE_STACK_NAME: m[1] }, log }).catch((err: unknown) => log(`could not stop ${m[1]}: ${(err as Error).message}`));
    fs.rmSync(path.join(cacheDir(), entry), { recursive: true, force: true });
  }
}

/**
 * Start Kafka and a database stand-in of our own (name faults-<pid>, ports of our own; CONVENE_DB picks the
 * stand-in, as for the shared stack) through the infra/local API.
 * The name and ports are checked to differ from the shared stack's before anything is started or stopped.
 */
export async function startFaultStack(log: Log): Promise<FaultStack> {
  await removeAbandonedStacks(log);
  const [kafkaPort, controllerPort, mongoPort] = await pickPorts();
  const name = `faults-${process.pid}`;
  // Only these variables: KAFKA_BROKERS/MONGO_URL (the shared stack) must not reach the infra functions.
  const env: NodeJS.ProcessEnv = {
    CONVENE_STACK_NAME: name,
    CONVENE_STACK_KAFKA_PORT: String(kafkaPort),
    CONVENE_STACK_KAFKA_CONTROLLER_PORT: String(controllerPort),
    CONVENE_STACK_MONGO_PORT: String(mongoPort),
    ...(process.env.CONVENE_DB ? { CONVENE_DB: process.env.CONVENE_DB } : {}),
  };
  const config = stackConfig(env);
  if (!config.name || [config.kafkaPort, config.kafkaControllerPort, config.mongoPort].some((p) => DEFAULT_PORTS.has(p))) {
    throw new Error(`refusing to manage ${JSON.stringify(config)}: it could be the shared stack`);
  }
  const stateDir = path.join(cacheDir(), `stack-${name}`);
  fs.mkdirSync(stateDir, { recursive: true });
  fs.writeFileSync(path.join(stateDir, OWNER_FILE), String(process.pid));
  const { endpoints, startedByUs } = await ensureStack({ env, log });
  if (endpoints.external || !startedByUs || endpoints.kafkaBrokers[0] !== `127.0.0.1:${kafkaPort}`) {
    throw new Error(`the fault stack did not start as asked: ${JSON.stringify(endpoints)}`);
  }
  let stopped = false;
  return {
    name,
    env,
    brokers: endpoints.kafkaBrokers,
    mongoUrl: endpoints.mongoUrl,
    async restart(which, downMs) {
      const { downMs: outageMs } = await restartServer(which, { env, log, downMs });
      return { outageMs };
    },
    async stop(keepLogsIn) {
      if (stopped) return;
      stopped = true;
      const state = readState(config);
      if (keepLogsIn && state) {
        for (const file of ['kafka.log', 'ferretdb.log', 'mongo-java-server.log']) {
          try {
            fs.cpSync(path.join(state.dataDir, file), path.join(keepLogsIn, file), { force: true });
          } catch {
            // a server that never started has no log
          }
        }
      }
      await stopStack({ env, log });
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
