import { connectRuntime, closeServer, exitOnFatal, listen, shutdownOnSignals } from '@convene/shared/runtime';
import { createLogger } from '@convene/shared/log';
import { ConfigError } from '@convene/shared/config';
import { loadConferenceConfig } from './config.js';
import { createApp } from './app.js';
import { createConferenceService } from './wiring.js';
import { createRealtime } from './realtime/index.js';

async function main(): Promise<void> {
  const config = loadConferenceConfig();
  const logger = createLogger('conference', { level: config.LOG_LEVEL });
  exitOnFatal(logger);
  const runtime = await connectRuntime('conference', config, logger);
  const service = createConferenceService(runtime.db, config, logger);
  await service.start(runtime);
  const server = await listen(createApp({ config, runtime, service }), config.HOST, config.PORT);
  const realtime = createRealtime(server, { verifyToken: runtime.verifyToken, meetings: service.meetings, live: service.live, audit: service.audit, logger, uiOrigin: config.CONVENE_UI_ORIGIN,
    cases: service.cases, areas: service.areas, afterMeetingDays: config.CASE_ACCESS_AFTER_MEETING_DAYS, recheckMs: config.LIVE_ACCESS_RECHECK_SECONDS * 1000,
  });
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'conference service listening');
  shutdownOnSignals(logger, [
    ['live meetings', () => realtime.close()],
    ['http', () => closeServer(server)],
    ['consumer, relay and purge', () => service.stop()],
    ['kafka and database', () => runtime.close()],
  ]);
}

main().catch((err: unknown) => {
  // Config errors list every bad variable; anything else names what could not be reached.
  console.error(err instanceof ConfigError ? err.message : `conference service failed to start: ${(err as Error).message}`);
  process.exit(1);
});
