import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import express from 'express';
import { createMetrics, metricsRouter } from './metrics.js';
import { sameSecret } from './metricsAccess.js';
import { notFoundHandler, problemHandler } from './problem.js';
import { createLogger } from '../log/index.js';

const TOKEN = 'metrics-token-for-this-unit-test-0123456789';
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** A service's frame reduced to /metrics, 404 and problem+json, on a port of its own. */
async function serve(scrapeToken?: string): Promise<string> {
  const app = express().use(metricsRouter(createMetrics('police', { scrapeToken }))).use(notFoundHandler).use(problemHandler(createLogger('test', { level: 'silent' })));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/metrics`;
}

describe('sameSecret', () => {
  it('is true only for the very same string, whatever the lengths', () => {
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(sameSecret(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(sameSecret('', TOKEN)).toBe(false);
    expect(sameSecret(TOKEN.toUpperCase(), TOKEN)).toBe(false);
  });
});

describe('GET /metrics', () => {
  it('does not exist without a configured token', async () => {
    const url = await serve(undefined);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url, { headers: { authorization: 'Bearer anything-at-all' } })).status).toBe(404);
  });

  it('refuses a scraper without the token, or with a wrong one, as 401 problem+json', async () => {
    const url = await serve(TOKEN);
    const attempts: Record<string, string>[] = [{}, { authorization: `Basic ${TOKEN}` }, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Bearer  ${TOKEN}` }];
    for (const headers of attempts) {
      const res = await fetch(url, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await res.text()).not.toContain('convene_');
    }
  });

  it('serves the figures to a scraper with the token', async () => {
    const res = await fetch(await serve(TOKEN), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.text();
    expect(body).toContain('convene_events_published_total');
    expect(body).toContain('service="police"');
  });
});
