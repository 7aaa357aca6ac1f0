import type { Server } from 'node:http';
import { connectRuntime, type Runtime } from '@convene/shared/runtime';
import { devEnvironment } from '../../scripts/lib/devSecrets.js';
import { brokers, mongoUrl, testLogger, uniqueId } from './infra.js';
import { loadConfig, createService, createApp } from '../../services/conference/src/index.js';
import { createRealtime, type Realtime } from '../../services/conference/src/realtime/index.js';

export interface RunningConference {
  url: string;
  runtime: Runtime;
  service: ReturnType<typeof createService>;
  server: Server;
  realtime: Realtime;
  dbName: string;
  stop(options?: { keepDatabase?: boolean }): Promise<void>;
}

/** Run the conference service in this process on the real broker and database, sharing a topic prefix. */
export async function startConference(prefix: string, options: { env?: NodeJS.ProcessEnv; dbSuffix?: string; groupId?: string } = {}): Promise<RunningConference> {
  const suffix = options.dbSuffix ?? `${prefix}_${uniqueId('')}`;
  const config = loadConfig(devEnvironment({
    KAFKA_BROKERS: brokers().join(','), MONGO_URL: mongoUrl(), KAFKA_TOPIC_PREFIX: prefix, MONGO_DB_SUFFIX: suffix,
    KAFKA_TOPIC_PARTITIONS: '3', LOG_LEVEL: 'error', CASE_RETENTION_DAYS: '0', ...options.env,
  }));
  const runtime = await connectRuntime('conference', config, testLogger);
  const service = createService(runtime.db, config, testLogger);
  await service.start(runtime, { relayPollMs: 50, groupId: options.groupId ?? uniqueId('conf') });
  const app = createApp({ config, runtime, service });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const realtime = createRealtime(server, { verifyToken: runtime.verifyToken, meetings: service.meetings, live: service.live, audit: service.audit, logger: testLogger, uiOrigin: config.CONVENE_UI_ORIGIN,
    cases: service.cases, areas: service.areas, afterMeetingDays: config.CASE_ACCESS_AFTER_MEETING_DAYS, recheckMs: config.LIVE_ACCESS_RECHECK_SECONDS * 1000,
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    runtime,
    service,
    server,
    realtime,
    dbName: runtime.db.name,
    async stop({ keepDatabase = false } = {}) {
      await realtime.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await service.stop();
      if (!keepDatabase) await runtime.db.dropDatabase().catch(() => undefined);
      await runtime.close();
    },
  };
}
