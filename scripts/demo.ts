// `npm run demo`: start the local stack (unless KAFKA_BROKERS/MONGO_URL are set) and all five services,
// seed the demo partnership through the services' APIs, print where they listen and who to sign in as, and
// stop everything cleanly on Ctrl-C.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureStack, stopStack } from '../infra/local/stack.js';
import { SERVICE_NAMES, startService, waitHealthy, type RunningService } from './lib/services.js';
import { DEV_AUDIT_ANCHOR_KEY, devEnvironment } from './lib/devSecrets.js';
import { seedDemo, type SeedResult } from './seed/seed.js';
import { scheduleLiveConcern, type ScheduledConcern } from './seed/liveConcern.js';
import { describeSignIns } from './seed/people.js';

const say = (line: string) => console.log(`[demo] ${line}`);
const started = Date.now();

async function main(): Promise<void> {
  const { endpoints, startedByUs } = await ensureStack({ log: (l) => say(l) });
  const logDir = mkdtempSync(join(tmpdir(), 'convene-demo-logs-'));
  // The demo anchors its audit chains like a deployment would, so `npm run audit:verify` checks them against Kafka.
  const env = devEnvironment({
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','), MONGO_URL: endpoints.mongoUrl, LOG_LEVEL: 'info',
    CONVENE_AUDIT_ANCHOR_KEY: process.env.CONVENE_AUDIT_ANCHOR_KEY ?? DEV_AUDIT_ANCHOR_KEY,
  });
  const services: RunningService[] = [];
  let stopping = false;
  let liveConcern: ScheduledConcern | undefined;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    liveConcern?.cancel();
    say('stopping services…');
    await Promise.all(services.map((s) => s.stop()));
    if (startedByUs) await stopStack({ log: (l) => say(l) });
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  for (const name of SERVICE_NAMES) services.push(startService(name, env, logDir));
  say(`starting ${services.length} services (logs in ${logDir})…`);
  try {
    await Promise.all(services.map(async (s) => {
      await waitHealthy(s);
      say(`  ${s.name.padEnd(10)} ${s.url}  healthy`);
    }));
  } catch (err) {
    console.error(`[demo] ${(err as Error).message}`);
    await stopAll(1);
    return;
  }
  const urlOf = (name: RunningService['name']) => services.find((s) => s.name === name)!.url;
  const urls = { conference: urlOf('conference'), police: urlOf('police'), cps: urlOf('cps'), health: urlOf('health'), advocacy: urlOf('advocacy') };
  say('seeding the demo partnership through the services\' APIs…');
  let seeded: SeedResult;
  try {
    seeded = await seedDemo(urls, { log: (line) => console.log(`[seed] ${line}`) });
  } catch (err) {
    console.error(`[demo] seeding failed: ${(err as Error).message}`);
    await stopAll(1);
    return;
  }
  if (!seeded.skipped) say(`seeded ${seeded.cases.length} cases, ${seeded.events} events and 3 meetings in ${(seeded.durationMs / 1000).toFixed(1)}s`);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  say(`Convene: ${urlOf('conference')}`);
  say('Sign in (development sign-in on that page) as any of:');
  for (const line of describeSignIns()) say(`  ${line}`);
  if (seeded.liveConcern) {
    liveConcern = scheduleLiveConcern(urls, seeded.liveConcern, { delayMs: 60_000, log: (line) => say(line) });
    say(`A meeting is running. At ${liveConcern.at.toLocaleTimeString('en-GB')} the ED will flag a health concern on ${seeded.liveConcern.caseRef}, its first agenda item.`);
  }
  say('Press Ctrl-C to stop everything.');
  for (const s of services) {
    s.process.once('exit', (code) => {
      if (!stopping) {
        console.error(`[demo] ${s.name} exited unexpectedly (code ${code}); see ${s.logPath}`);
        void stopAll(1);
      }
    });
  }
}

main().catch((err: unknown) => {
  console.error(`[demo] ${(err as Error).message}`);
  process.exit(1);
});
