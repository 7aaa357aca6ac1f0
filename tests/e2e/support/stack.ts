import type { Server } from 'node:http';
import { connectRuntime } from '@convene/shared/runtime';
import { devEnvironment } from '../../../scripts/lib/devSecrets.js';
import { startAgency, type RunningAgency } from '../../support/agencies.js';
import { brokers, mongoUrl, testLogger, uniqueId } from '../../support/infra.js';
import { freePort } from '../../support/ports.js';
import { createApp, createService, loadConfig } from '../../../services/conference/src/index.js';
import { createRealtime } from '../../../services/conference/src/realtime/index.js';
import type { Urls } from './scenario.js';

export interface E2eStack {
  urls: Urls;
  stop(): Promise<void>;
}

type PartnerAgency = 'police' | 'cps' | 'health' | 'advocacy';

/** An address nothing listens on: where /config.json points the browser for an agency this stack did not start. */
const NOT_STARTED = 'http://127.0.0.1:9';

export interface E2eStackOptions {
  /** The conference's port, when something (an identity provider's redirect URI) must know it first. */
  port?: number;
  /** More environment for every service; a key set to undefined removes a default (e.g. the dev JWT secret). */
  env?: NodeJS.ProcessEnv;
  /** The agencies to start (all four unless said). */
  agencies?: readonly PartnerAgency[];
}

/**
 * The whole partnership in this process, wired the way a browser needs it: the conference on a port chosen
 * first, so that each agency's CORS origin (CONVENE_UI_ORIGIN) is the page's origin, and the conference's
 * /config.json points the browser at each agency. The conference serves the built UI (web/dist).
 */
export async function startE2eStack(options: E2eStackOptions = {}): Promise<E2eStack> {
  const prefix = uniqueId('e2e');
  const port = options.port ?? await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const agencies: RunningAgency[] = [];
  const started: Partial<Record<PartnerAgency, string>> = {};
  const stopAgencies = () => Promise.allSettled(agencies.map((a) => a.stop()));
  try {
    for (const name of options.agencies ?? ['police', 'cps', 'health', 'advocacy'] as const) {
      const agency = await startAgency(name, { prefix, env: { CONVENE_UI_ORIGIN: origin, RATE_LIMIT_PER_MINUTE: '5000', ...options.env } });
      agencies.push(agency);
      started[name] = agency.url;
    }
  } catch (err) {
    await stopAgencies();
    throw err;
  }
  const { police = NOT_STARTED, cps = NOT_STARTED, health = NOT_STARTED, advocacy = NOT_STARTED } = started;

  // startConference (tests/support) listens on port 0; the browser needs this one, known in advance.
  let config: ReturnType<typeof loadConfig>;
  let runtime: Awaited<ReturnType<typeof connectRuntime>>;
  try {
    config = loadConfig(devEnvironment({
      KAFKA_BROKERS: brokers().join(','), MONGO_URL: mongoUrl(), KAFKA_TOPIC_PREFIX: prefix, MONGO_DB_SUFFIX: `${prefix}_${uniqueId('')}`,
      KAFKA_TOPIC_PARTITIONS: '3', LOG_LEVEL: 'error', CONVENE_UI_ORIGIN: origin, RATE_LIMIT_PER_MINUTE: '5000',
      CONVENE_POLICE_URL: police, CONVENE_CPS_URL: cps, CONVENE_HEALTH_URL: health, CONVENE_ADVOCACY_URL: advocacy,
      ...options.env,
    }));
    runtime = await connectRuntime('conference', config, testLogger);
  } catch (err) {
    await stopAgencies();
    throw err;
  }
  const service = createService(runtime.db, config, testLogger);
  await service.start(runtime, { relayPollMs: 50, groupId: uniqueId('conf') });
  const server: Server = await new Promise((resolve, reject) => {
    const s = createApp({ config, runtime, service }).listen(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const realtime = createRealtime(server, { verifyToken: runtime.verifyToken, meetings: service.meetings, live: service.live, audit: service.audit, logger: testLogger, uiOrigin: origin, areas: service.areas });

  return {
    urls: { conference: origin, police, cps, health, advocacy },
    async stop() {
      await realtime.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await service.stop();
      await runtime.db.dropDatabase().catch(() => undefined);
      await runtime.close();
      await stopAgencies();
    },
  };
}
