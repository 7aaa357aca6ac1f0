/**
 * The demo once loaded: the local stack (unless KAFKA_BROKERS/MONGO_URL are set), the five services, the demo
 * partnership seeded through their APIs, then where to sign in. Everything it starts is handed to the
 * shutdown as it starts, so a stop at any point stops exactly what is running by then.
 */
import { mkdtempSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureStack, stopStack, type StackEndpoints } from '../../infra/local/stack.js';
import { DEV_AUDIT_ANCHOR_KEY, devEnvironment } from '../lib/devSecrets.js';
import { SERVICE_NAMES, startService, waitHealthy, type RunningService } from '../lib/services.js';
import { scheduleLiveConcern } from '../seed/liveConcern.js';
import { describeSignIns } from '../seed/people.js';
import { seedDemo, type SeedResult, type ServiceUrls } from '../seed/seed.js';
import { createShutdown, type Shutdown } from './shutdown.js';
import { FIRST_DEMO_AREA, SECOND_DEMO_AREA } from '../../services/conference/src/http/demoPartnership.js';
import type { StopSignals } from './stopSignals.js';

const say = (line: string) => console.log(`[demo] ${line}`);

/** The stack's endpoints; a stack this demo starts is stopped with it, one it found running is left alone. */
function ensureStackFor(shutdown: Shutdown): Promise<StackEndpoints> {
  const stack = ensureStack({ log: say }).then(({ endpoints, startedByUs }) => {
    if (startedByUs) shutdown.onStop(() => stopStack({ log: say }));
    return endpoints;
  });
  shutdown.settleFirst(stack);
  return stack;
}

/** `--areas 2`: the conference serves two areas, and the seed gives the second a case of its own. */
function areasAsked(): typeof FIRST_DEMO_AREA[] {
  const { values } = parseArgs({ options: { areas: { type: 'string', default: '1' } }, strict: true });
  if (values.areas !== '1' && values.areas !== '2') throw new Error(`--areas ${values.areas}: the demo seeds 1 or 2 areas`);
  return values.areas === '2' ? [FIRST_DEMO_AREA, SECOND_DEMO_AREA] : [FIRST_DEMO_AREA];
}

async function startServices(endpoints: StackEndpoints, shutdown: Shutdown, areas: typeof FIRST_DEMO_AREA[]): Promise<RunningService[]> {
  const logDir = mkdtempSync(join(tmpdir(), 'convene-demo-logs-'));
  // The demo anchors its audit chains like a deployment would, so `npm run audit:verify` checks them against Kafka.
  const env = devEnvironment({
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','), MONGO_URL: endpoints.mongoUrl, LOG_LEVEL: 'info',
    CONVENE_AUDIT_ANCHOR_KEY: process.env.CONVENE_AUDIT_ANCHOR_KEY ?? DEV_AUDIT_ANCHOR_KEY,
    CONVENE_AREAS: JSON.stringify(areas),
  });
  const services = SERVICE_NAMES.map((name) => startService(name, env, logDir));
  shutdown.onStop(async () => {
    say('stopping services…');
    await Promise.all(services.map((s) => s.stop()));
  });
  say(`starting ${services.length} services (logs in ${logDir})…`);
  await Promise.all(services.map(async (s) => {
    await waitHealthy(s);
    say(`  ${s.name.padEnd(10)} ${s.url}  healthy`);
  }));
  return services;
}

function urlsOf(services: RunningService[]): ServiceUrls {
  const urlOf = (name: RunningService['name']) => services.find((s) => s.name === name)!.url;
  return { conference: urlOf('conference'), police: urlOf('police'), cps: urlOf('cps'), health: urlOf('health'), advocacy: urlOf('advocacy') };
}

async function seed(urls: ServiceUrls, shutdown: Shutdown, areas: typeof FIRST_DEMO_AREA[]): Promise<SeedResult> {
  say('seeding the demo partnership through the services\' APIs…');
  try {
    // Once stopping, the seeder's retries against stopped services are noise.
    return await seedDemo(urls, {
      ...(areas.length > 1 ? { areas: { first: areas[0]!.id, second: areas[1]!.id } } : {}),
      log: (line) => {
        if (!shutdown.stopping) console.log(`[seed] ${line}`);
      },
    });
  } catch (err) {
    throw new Error(`seeding failed: ${(err as Error).message}`);
  }
}

function announce(urls: ServiceUrls, seeded: SeedResult, startedAt: number, shutdown: Shutdown, areas: typeof FIRST_DEMO_AREA[]): void {
  if (!seeded.skipped) say(`seeded ${seeded.cases.length} cases, ${seeded.events} events and 3 meetings in ${(seeded.durationMs / 1000).toFixed(1)}s`);
  say(`ready in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`);
  say(`Convene: ${urls.conference}`);
  say('Sign in (development sign-in on that page) as any of:');
  if (areas.length > 1) say(`Two areas: ${areas.map((a) => `${a.name} (${a.id})`).join(' and ')}; the last two people below are the second area's.`);
  for (const line of describeSignIns(areas.length > 1)) say(`  ${line}`);
  if (seeded.liveConcern) {
    const liveConcern = scheduleLiveConcern(urls, seeded.liveConcern, { delayMs: 60_000, log: (line) => say(line), ...(areas.length > 1 ? { area: areas[0]!.id } : {}) });
    shutdown.onStop(() => liveConcern.cancel());
    say(`A meeting is running. At ${liveConcern.at.toLocaleTimeString('en-GB')} the ED will flag a health concern on ${seeded.liveConcern.caseRef}, its first agenda item.`);
  }
  say('Press Ctrl-C to stop everything.');
}

/** A service that dies while the demo is not stopping takes the demo down with it, saying where its log is. */
function stopIfAnyExits(services: RunningService[], shutdown: Shutdown): void {
  for (const s of services) {
    s.process.once('exit', (code) => {
      if (shutdown.stopping) return;
      console.error(`[demo] ${s.name} exited unexpectedly (code ${code}); see ${s.logPath}`);
      void shutdown.stop(1);
    });
  }
}

export async function runDemo(signals: StopSignals, startedAt: number): Promise<void> {
  const shutdown = createShutdown(say);
  signals.handleWith(() => void shutdown.stop(0));
  try {
    // After each step that takes a while: a stop asked for meanwhile must not start anything new.
    const areas = areasAsked();
    if (shutdown.stopping) return;
    const endpoints = await ensureStackFor(shutdown);
    if (shutdown.stopping) return;
    const services = await startServices(endpoints, shutdown, areas);
    const urls = urlsOf(services);
    if (shutdown.stopping) return;
    const seeded = await seed(urls, shutdown, areas);
    if (shutdown.stopping) return;
    announce(urls, seeded, startedAt, shutdown, areas);
    stopIfAnyExits(services, shutdown);
  } catch (err) {
    // What a stop was already undoing (a service stopped mid-request, say) is not a failure to report.
    if (!shutdown.stopping) console.error(`[demo] ${(err as Error).message}`);
    await shutdown.stop(1);
  }
}
