import { Router, type NextFunction, type Request, type Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { requireScrapeToken } from './metricsAccess.js';

export interface ServiceMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  eventsPublished: Counter<'type'>;
  eventsConsumed: Counter<'outcome'>;
  /** The bearer token a scraper must send for GET /metrics; without one, /metrics is not served. */
  scrapeToken?: string | undefined;
}

/** One registry per service instance, so several services can share a process in tests. */
export function createMetrics(service: string, options: { scrapeToken?: string | undefined } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'convene_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
    }),
    eventsPublished: new Counter({ name: 'convene_events_published_total', help: 'Events published to Kafka', labelNames: ['type'], registers: [registry] }),
    eventsConsumed: new Counter({ name: 'convene_events_consumed_total', help: 'Events consumed, by outcome', labelNames: ['outcome'], registers: [registry] }),
    scrapeToken: options.scrapeToken,
  };
}

/** Times each request by its route pattern (never the raw path, which may hold ids). */
export function timeRequests(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      end({ route: route ? `${req.baseUrl}${route}` : 'unmatched', status: String(res.statusCode) });
    });
    next();
  };
}

/** `GET /metrics` for a scraper with the token; nothing at all (404) when no token is configured. */
export function metricsRouter(metrics: ServiceMetrics): Router {
  const router = Router();
  if (!metrics.scrapeToken) return router;
  router.get('/metrics', requireScrapeToken(metrics.scrapeToken), async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
