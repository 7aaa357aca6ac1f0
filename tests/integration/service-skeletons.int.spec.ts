import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectRuntime } from '@convene/shared/runtime';
import { SERVICE_NAMES, startService, waitHealthy, type RunningService } from '../../scripts/lib/services.js';
import { DEV_METRICS_TOKEN, devEnvironment } from '../../scripts/lib/devSecrets.js';
import { brokers, mongoUrl, uniqueId, testLogger } from '../support/infra.js';
import { freePort } from '../support/ports.js';
import { createApp } from '../../services/police/src/app.js';
import { createPoliceService } from '../../services/police/src/wiring.js';
import { loadPoliceConfig } from '../../services/police/src/config.js';

describe('the five services as real processes', () => {
  const running: RunningService[] = [];
  afterAll(async () => {
    await Promise.all(running.map((s) => s.stop('SIGKILL')));
  });

  it('each answers /health 200 and /metrics, then shuts down cleanly on SIGTERM', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'convene-it-logs-'));
    const suffix = uniqueId('s');
    for (const name of SERVICE_NAMES) {
      running.push(startService(name, devEnvironment({
        PORT: String(await freePort()),
        KAFKA_BROKERS: brokers().join(','),
        MONGO_URL: mongoUrl(),
        KAFKA_TOPIC_PREFIX: suffix,
        MONGO_DB_SUFFIX: suffix,
        LOG_LEVEL: 'warn',
      }), logDir));
    }
    await Promise.all(running.map((s) => waitHealthy(s, 90_000)));

    for (const service of running) {
      const health = await fetch(`${service.url}/health`);
      expect(health.status, service.name).toBe(200);
      expect(await health.json()).toEqual({ service: service.name, status: 'ok', checks: { kafka: 'up', database: 'up' } });
      const metrics = await (await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${DEV_METRICS_TOKEN}` } })).text();
      expect(metrics).toContain('convene_http_request_duration_seconds_bucket');
      expect(metrics).toContain(`service="${service.name}"`);
      const missing = await fetch(`${service.url}/no/such/thing`);
      expect(missing.status).toBe(404);
      expect(missing.headers.get('content-type')).toContain('application/problem+json');
    }

    const codes = await Promise.all(running.map((s) => s.stop('SIGTERM')));
    expect(codes).toEqual(SERVICE_NAMES.map(() => 0));
  });
});

describe('health when a dependency is down', () => {
  it('answers 503 naming the database once it is gone', async () => {
    const config = loadPoliceConfig(devEnvironment({ KAFKA_BROKERS: brokers().join(','), MONGO_URL: mongoUrl(), KAFKA_TOPIC_PREFIX: uniqueId('h'), MONGO_DB_SUFFIX: uniqueId('h') }) as NodeJS.ProcessEnv);
    const runtime = await connectRuntime('police', config, testLogger);
    const app = createApp({ config, runtime, ...createPoliceService(runtime.db, config, testLogger) });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/health`;
    try {
      expect((await fetch(url)).status).toBe(200);
      await runtime.db.close();
      const res = await fetch(url);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', down: ['database'], checks: { kafka: 'up', database: 'down' } });
    } finally {
      server.close();
      await runtime.close();
    }
  });
});
