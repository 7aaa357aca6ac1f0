// The conference service as production wires it (main.ts), in a process of its own, with a stats channel.
import type { Server } from 'node:http';
import { connectRuntime, closeServer, listen } from '@convene/shared/runtime';
import { createLogger } from '@convene/shared/log';
import { loadConfig, createService, createApp } from '../../services/conference/src/index.js';
import { createRealtime, type Realtime } from '../../services/conference/src/realtime/index.js';
import { devEnvironment } from '../../scripts/lib/devSecrets.js';
import { runChild } from '../lib/childMain.js';
import { now, sleep } from '../lib/stats.js';
import { monitored, profileCommands } from '../lib/dbProfile.js';

export interface ConferenceParams {
  brokers: string[];
  mongoUrl: string;
  prefix: string;
  dbSuffix: string;
  groupId: string;
  partitions: number;
  /** Also serve HTTP and the /meetings socket.io namespace (B2, B4). */
  http: boolean;
  logLevel: string;
}

runChild<ConferenceParams>(async (p) => {
  const config = loadConfig(devEnvironment({
    KAFKA_BROKERS: p.brokers.join(','), MONGO_URL: monitored(p.mongoUrl), KAFKA_TOPIC_PREFIX: p.prefix, MONGO_DB_SUFFIX: p.dbSuffix,
    KAFKA_TOPIC_PARTITIONS: String(p.partitions), LOG_LEVEL: p.logLevel, PORT: '0', NODE_ENV: 'production',
    // Production has no development sign-in (the conference refuses to start with one); the bench signs its own tokens.
    CONVENE_DEV_SIGNIN: undefined,
    // One load generator on 127.0.0.1 stands for a whole partnership's users.
    RATE_LIMIT_PER_MINUTE: '10000000',
  }));
  const logger = createLogger('conference', { level: config.LOG_LEVEL });
  const runtime = await connectRuntime('conference', config, logger);
  const service = createService(runtime.db, config, logger);
  const db = profileCommands(runtime.db.getClient());
  let server: Server | undefined;
  let realtime: Realtime | undefined;
  let started = false;

  async function start(): Promise<{ startedAt: number }> {
    await service.start(runtime, { groupId: p.groupId });
    started = true;
    return { startedAt: now() };
  }

  if (p.http) {
    await start();
    server = await listen(createApp({ config, runtime, service }), '127.0.0.1', 0);
    realtime = createRealtime(server, { verifyToken: runtime.verifyToken, meetings: service.meetings, live: service.live, audit: service.audit, logger, uiOrigin: config.CONVENE_UI_ORIGIN, areas: service.areas });
  }
  const applied = () => service.consumer()?.stats.applied ?? 0;

  return {
    info: { dbName: runtime.db.name, ...(server ? { url: `http://127.0.0.1:${(server.address() as { port: number }).port}` } : {}) },
    calls: {
      start,
      dbProfile: async () => db.take(),
      /** The time `applied` first reached `target` (checked every 10 ms), or where it got to by `timeoutMs`. */
      async reach({ target, timeoutMs }: { target: number; timeoutMs: number }) {
        const deadline = Date.now() + timeoutMs;
        while (applied() < target) {
          if (Date.now() > deadline) return { at: now(), applied: applied(), reached: false };
          await sleep(10);
        }
        return { at: now(), applied: applied(), reached: true };
      },
    },
    stats: () => {
      const s = service.consumer()?.stats;
      return { applied: s?.applied ?? 0, deadLettered: s?.deadLettered ?? 0, retries: s?.retries ?? 0, started: started ? 1 : 0, rssKb: Math.round(process.memoryUsage.rss() / 1024) };
    },
    async stop() {
      if (realtime) await realtime.close();
      if (server) await closeServer(server);
      await service.stop();
      await runtime.close();
    },
  };
});
