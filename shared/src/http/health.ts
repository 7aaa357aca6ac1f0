import { Router } from 'express';

export type HealthCheck = () => Promise<boolean>;

/** GET /health: 200 when every dependency answers, else 503 naming what is down. */
export function healthRouter(service: string, checks: Record<string, HealthCheck>): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const names = Object.keys(checks);
    const results = await Promise.all(names.map(async (n) => [n, await checks[n]!().catch(() => false)] as const));
    const down = results.filter(([, ok]) => !ok).map(([n]) => n);
    res.status(down.length ? 503 : 200).json({
      service,
      status: down.length ? 'unavailable' : 'ok',
      checks: Object.fromEntries(results.map(([n, ok]) => [n, ok ? 'up' : 'down'])),
      ...(down.length ? { down } : {}),
    });
  });
  return router;
}
