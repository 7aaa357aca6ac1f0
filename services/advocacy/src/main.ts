import { connectRuntime, closeServer, exitOnFatal, listen, shutdownOnSignals } from '@convene/shared/runtime';
import { createLogger } from '@convene/shared/log';
import { ConfigError } from '@convene/shared/config';
import { loadAdvocacyConfig } from './config.js';
import { createApp } from './app.js';
import { createAdvocacyService } from './wiring.js';

async function main(): Promise<void> {
  const config = loadAdvocacyConfig();
  const logger = createLogger('advocacy', { level: config.LOG_LEVEL });
  exitOnFatal(logger);
  const runtime = await connectRuntime('advocacy', config, logger);
  const { kit, records } = createAdvocacyService(runtime.db, config, logger);
  await kit.start(runtime);
  const server = await listen(createApp({ config, runtime, kit, records }), config.HOST, config.PORT);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'advocacy service listening');
  shutdownOnSignals(logger, [
    ['http', () => closeServer(server)],
    ['relay and consumer', () => kit.stop()],
    ['kafka and database', () => runtime.close()],
  ]);
}

main().catch((err: unknown) => {
  // Config errors list every bad variable; anything else names what could not be reached.
  console.error(err instanceof ConfigError ? err.message : `advocacy service failed to start: ${(err as Error).message}`);
  process.exit(1);
});
