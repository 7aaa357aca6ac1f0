/**
 * `npm run demo` stops cleanly when SIGTERM or SIGINT goes to the npm process alone (`kill <pid>`, a process
 * manager), not only on Ctrl-C in a terminal, which signals the whole process group: npm passes the signal to
 * the demo alone, and the demo must stop its services, exit 0 and leave nothing running.
 *
 * The demo runs on the suite's broker and database (KAFKA_BROKERS/MONGO_URL, so it starts no stack of its own
 * and must leave that one alone), under its own topic prefix and database suffix, on its usual ports.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isPortFree, isPortListening } from '../../infra/local/processes.js';
import { databaseName } from '@convene/shared/mongo';
import mongoose from 'mongoose';
import { repoRoot, SERVICE_NAMES, SERVICE_PORTS } from '../../scripts/lib/services.js';
import { brokers, eventually, mongoUrl, testKafka, uniqueId } from '../support/infra.js';
import { runInOwnGroup, type GroupRun } from '../support/processGroup.js';

const HOST = '127.0.0.1';
const STOP_WITHIN_MS = 20_000;
const prefixes: string[] = [];

/** `npm run demo` as a user starts it (no test runner environment), on the suite's servers. */
async function startDemo(): Promise<GroupRun> {
  for (const port of Object.values(SERVICE_PORTS)) {
    if (!(await isPortFree(port, HOST))) throw new Error(`port ${port} is taken (is a demo running?): the demo listens on 4100–4104`);
  }
  const prefix = uniqueId('demosig');
  prefixes.push(prefix);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'));
  return runInOwnGroup('npm', ['run', 'demo'], {
    cwd: repoRoot,
    env: { ...env, KAFKA_BROKERS: brokers().join(','), MONGO_URL: mongoUrl(), KAFKA_TOPIC_PREFIX: prefix, MONGO_DB_SUFFIX: prefix },
  });
}

/** Signal npm alone; it must exit 0 in time, with nothing of its process group left once zombies are reaped. */
async function expectCleanStop(demo: GroupRun, signal: NodeJS.Signals): Promise<void> {
  process.kill(demo.pid, signal);
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_WITHIN_MS).unref());
  const exit = await Promise.race([demo.exited, timeout]);
  if (exit === 'timeout') process.kill(-demo.pid, 'SIGKILL');
  expect(exit, demo.output()).toEqual({ code: 0, signal: null });
  // A child that has just exited can show as a zombie until init reaps it.
  const left = await eventually(async () => (demo.members().length === 0 ? [] : false), { timeoutMs: 5000 }).catch(() => demo.members());
  expect(left).toEqual([]);
}

describe('npm run demo, signalled through the npm process alone', () => {
  afterAll(async () => {
    const admin = testKafka().admin();
    await admin.connect();
    const ours = (await admin.listTopics()).filter((t) => prefixes.some((p) => t.startsWith(`${p}.`)));
    if (ours.length > 0) await admin.deleteTopics({ topics: ours }).catch(() => undefined);
    await admin.disconnect();
    for (const prefix of prefixes) {
      for (const service of SERVICE_NAMES) {
        const db = await mongoose.createConnection(mongoUrl(), { dbName: databaseName(service, prefix) }).asPromise();
        await db.dropDatabase().catch(() => undefined);
        await db.close();
      }
    }
  });

  it('on SIGTERM once ready: stops the five services, exits 0, leaves nothing running and the stack alone', async () => {
    const demo = await startDemo();
    await demo.waitForOutput(/\[demo\] Press Ctrl-C/, 120_000);
    const services = demo.members().filter((m) => /services\/\w+\/src\/main\.ts/.test(m.args));
    expect(services).toHaveLength(5);

    await expectCleanStop(demo, 'SIGTERM');
    expect(demo.output()).toMatch(/\[demo\] stopping services…[\s\S]*\[demo\] stopped/);
    for (const port of Object.values(SERVICE_PORTS)) expect(await isPortFree(port, HOST)).toBe(true);
    // It found the suite's servers running (it was told where they are), so it must not have stopped them.
    const [kafkaHost, kafkaPort] = brokers()[0]!.split(':');
    const mongo = new URL(mongoUrl());
    expect(await isPortListening(Number(kafkaPort), kafkaHost!)).toBe(true);
    expect(await isPortListening(Number(mongo.port || 27017), mongo.hostname)).toBe(true);
  }, 150_000);

  it('on SIGINT while the web UI is still being built: exits 0 without starting the demo, leaving nothing running', async () => {
    const demo = await startDemo();
    await demo.waitForOutput(/> vite build/, 60_000);
    await expectCleanStop(demo, 'SIGINT');
    expect(demo.output()).not.toMatch(/\[demo\] starting \d services/);
  }, 90_000);
});
