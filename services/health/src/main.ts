import { connectRuntime, closeServer, exitOnFatal, listen, shutdownOnSignals } from '@convene/shared/runtime';
import { createLogger } from '@convene/shared/log';
import { ConfigError } from '@convene/shared/config';
import { loadHealthConfig } from './config.js';
import { createApp } from './app.js';
import { createHealthService } from './wiring.js';

async function main(): Promise<void> {
  const config = loadHealthConfig();
  const logger = createLogger('health', { level: config.LOG_LEVEL });
  exitOnFatal(logger);
  const runtime = await connectRuntime('health', config, logger);
  const { kit, records } = createHealthService(runtime.db, config, logger);
  await kit.start(runtime);
  const server = await listen(createApp({ config, runtime, kit, records }), config.HOST, config.PORT);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'health service listening');
  shutdownOnSignals(logger, [
    ['http', () => closeServer(server)],
    ['relay and consumer', () => kit.stop()],
    ['kafka and database', () => runtime.close()],
  ]);
}

main().catch((err: unknown) => {
  // Config errors list every bad variable; anything else names what could not be reached.
  console.error(err instanceof ConfigError ? err.message : `health service failed to start: ${(err as Error).message}`);
  process.exit(1);
});
