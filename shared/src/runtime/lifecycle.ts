import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Logger } from '../log/index.js';

export async function listen(app: Express | ((req: never, res: never) => void), host: string, port: number): Promise<Server> {
  const { createServer } = await import('node:http');
  const server = createServer(app as Parameters<typeof createServer>[1]);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections?.();
    // Long-lived connections (sockets, keep-alive) must not hold shutdown hostage.
    setTimeout(() => server.closeAllConnections?.(), 2000).unref();
  });
}

export type ShutdownStep = [name: string, step: () => Promise<unknown>];

/**
 * SIGTERM/SIGINT: run each step in order (stop taking requests, stop consuming, flush the producer, close
 * the database), each bounded in time, then exit. A second signal exits at once.
 */
export function shutdownOnSignals(logger: Logger, steps: ShutdownStep[], exit: (code: number) => void = (c) => process.exit(c)): void {
  let shuttingDown = false;
  const handler = async (signal: string) => {
    if (shuttingDown) return exit(1);
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    let code = 0;
    for (const [name, step] of steps) {
      try {
        await Promise.race([step(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 10_000).unref())]);
      } catch (err) {
        code = 1;
        logger.error({ step: name, err: (err as Error).message }, 'shutdown step failed');
      }
    }
    logger.info('stopped');
    exit(code);
  };
  process.on('SIGTERM', () => void handler('SIGTERM'));
  process.on('SIGINT', () => void handler('SIGINT'));
}

/** An unexpected error outside a request is logged, then the process exits so a supervisor restarts it cleanly. */
export function exitOnFatal(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: (reason as Error)?.message, stack: (reason as Error)?.stack }, 'unhandled rejection');
    process.exit(1);
  });
}
