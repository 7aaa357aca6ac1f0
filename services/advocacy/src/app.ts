import type { Express } from 'express';
import { createBaseApp } from '@convene/shared/runtime';
import type { Runtime } from '@convene/shared/runtime';
import type { Config } from './config.js';

export interface AppDeps {
  config: Config;
  runtime: Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken' | 'db' | 'publisher'>;
}

/** The advocacy service's HTTP API, without listening or connecting: testable in-process. */
export function createApp({ config, runtime }: AppDeps): Express {
  return createBaseApp({
    service: 'advocacy',
    logger: runtime.logger,
    metrics: runtime.metrics,
    health: runtime.health,
    uiOrigin: config.CONVENE_UI_ORIGIN,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    routers: [],
  });
}
