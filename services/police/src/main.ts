import { connectRuntime, closeServer, exitOnFatal, listen, shutdownOnSignals } from '@convene/shared/runtime';
import { createLogger } from '@convene/shared/log';
import { ConfigError } from '@convene/shared/config';
import { loadPoliceConfig } from './config.js';
import { createApp } from './app.js';
import { createPoliceService } from './wiring.js';

async function main(): Promise<void> {
  const config = loadPoliceConfig();
  const logger = createLogger('police', { level: config.LOG_LEVEL });
  exitOnFatal(logger);
  const runtime = await connectRuntime('police', config, logger);
  const { kit, records } = createPoliceService(runtime.db, config, logger);
  await kit.start(runtime);
  const server = await listen(createApp({ config, runtime, kit, records }), config.HOST, config.PORT);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'police service listening');
  shutdownOnSignals(logger, [
    ['http', () => closeServer(server)],
    ['relay and consumer', () => kit.stop()],
    ['kafka and database', () => runtime.close()],
  ]);
}

main().catch((err: unknown) => {
  // Config errors list every bad variable; anything else names what could not be reached.
  console.error(err instanceof ConfigError ? err.message : `police service failed to start: ${(err as Error).message}`);
  process.exit(1);
});
