// The police service as production wires it (main.ts), in a process of its own: API, relay, listing consumer.
import type { Server } from 'node:http';
import { connectRuntime, closeServer, listen } from '@convene/shared/runtime';
import { createLogger } from '@convene/shared/log';
import { loadConfig, createService, createApp } from '../../services/police/src/index.js';
import { devEnvironment } from '../../scripts/lib/devSecrets.js';
import { runChild } from '../lib/childMain.js';
import { monitored, profileCommands } from '../lib/dbProfile.js';

interface PoliceParams {
  brokers: string[];
  mongoUrl: string;
  prefix: string;
  dbSuffix: string;
  groupId: string;
  partitions: number;
  logLevel: string;
}

runChild<PoliceParams>(async (p) => {
  const config = loadConfig(devEnvironment({
    KAFKA_BROKERS: p.brokers.join(','), MONGO_URL: monitored(p.mongoUrl), KAFKA_TOPIC_PREFIX: p.prefix, MONGO_DB_SUFFIX: p.dbSuffix,
    KAFKA_TOPIC_PARTITIONS: String(p.partitions), LOG_LEVEL: p.logLevel, PORT: '0', NODE_ENV: 'production',
    RATE_LIMIT_PER_MINUTE: '10000000',
  }));
  const logger = createLogger('police', { level: config.LOG_LEVEL });
  const runtime = await connectRuntime('police', config, logger);
  const { kit, records } = createService(runtime.db, config, logger);
  const db = profileCommands(runtime.db.getClient());
  await kit.start(runtime, { groupId: p.groupId });
  const server: Server = await listen(createApp({ config, runtime, kit, records }), '127.0.0.1', 0);
  return {
    info: { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, dbName: runtime.db.name },
    calls: { dbProfile: async () => db.take() },
    stats: () => ({ published: kit.relay()?.published ?? 0, rssKb: Math.round(process.memoryUsage.rss() / 1024) }),
    async stop() {
      await closeServer(server);
      await kit.stop();
      await runtime.close();
    },
  };
});
