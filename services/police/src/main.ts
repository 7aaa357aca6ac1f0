import { connectRuntime, closeServer, exitOnFatal, listen, shutdownOnSignals } from '@convene/shared/runtime';
import { createLogger } from '@convene/shared/log';
import { ConfigError } from '@convene/shared/config';
import { loadPoliceConfig } from './config.js';
import { createApp } from './app.js';

async function main(): Promise<void> {
  const config = loadPoliceConfig();
  const logger = createLogger('police', { level: config.LOG_LEVEL });
  exitOnFatal(logger);
  const runtime = await connectRuntime('police', config, logger);
  const server = await listen(createApp({ config, runtime }), config.HOST, config.PORT);
  logger.info({ url: `http://${config.HOST}:${config.PORT}` }, 'police service listening');
  shutdownOnSignals(logger, [
    ['http', () => closeServer(server)],
    ['kafka and database', () => runtime.close()],
  ]);
}

main().catch((err: unknown) => {
  // Config errors list every bad variable; anything else names what could not be reached.
  console.error(err instanceof ConfigError ? err.message : `police service failed to start: ${(err as Error).message}`);
  process.exit(1);
});
