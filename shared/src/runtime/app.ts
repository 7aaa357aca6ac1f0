import express, { type Express, type Router } from 'express';
import type { Logger } from '../log/index.js';
import { applySecurity, healthRouter, metricsRouter, notFoundHandler, problemHandler, timeRequests, type HealthCheck, type ServiceMetrics } from '../http/index.js';

export interface BaseAppOptions {
  service: string;
  logger: Logger;
  metrics: ServiceMetrics;
  health: Record<string, HealthCheck>;
  uiOrigin: string;
  rateLimitPerMinute: number;
  bodyLimit?: string;
  /** Routers mounted after health and metrics; each carries its own authentication. */
  routers: Router[];
  /** Mounted before the security middleware (e.g. static files of the web UI). */
  before?: (app: Express) => void;
}

/** The frame every service shares: security, metrics, health, its routers, then 404 and problem+json. */
export function createBaseApp(options: BaseAppOptions): Express {
  const app = express();
  app.use(timeRequests(options.metrics));
  options.before?.(app);
  applySecurity(app, { uiOrigin: options.uiOrigin, rateLimitPerMinute: options.rateLimitPerMinute, ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}) });
  app.use(healthRouter(options.service, options.health));
  app.use(metricsRouter(options.metrics));
  // Said once at start-up, so an operator whose scraper gets 404 knows why.
  if (!options.metrics.scrapeToken) options.logger.info('GET /metrics is off: set CONVENE_METRICS_TOKEN to serve it to a scraper holding that token');
  for (const router of options.routers) app.use(router);
  app.use(notFoundHandler);
  app.use(problemHandler(options.logger));
  return app;
}
