import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { databaseName } from '@convene/shared/mongo';
import { devEnvironment } from '../../scripts/lib/devSecrets.js';
import { startService, waitHealthy } from '../../scripts/lib/services.js';
import { API_SERVICES, openApiDocument } from '../../scripts/lib/openapiDocs.js';
import { brokers, mongoUrl, uniqueId } from '../support/infra.js';
import { freePort } from '../support/ports.js';

// The documents in docs/api are built in-process without a database or broker; each must be what the real
// service (its main.ts, in a process of its own, connected) serves at GET /openapi.json.
describe.each(API_SERVICES)('the running %s service', (service) => {
  it('serves the document that docs/api is generated from', async () => {
    const port = await freePort();
    const suffix = uniqueId('oa');
    const running = startService(service, devEnvironment({
      PORT: String(port), KAFKA_BROKERS: brokers().join(','), MONGO_URL: mongoUrl(), KAFKA_TOPIC_PREFIX: suffix, MONGO_DB_SUFFIX: suffix,
      KAFKA_TOPIC_PARTITIONS: '1', LOG_LEVEL: 'error',
    }), join(tmpdir(), 'convene-openapi-int'));
    try {
      await waitHealthy(running);
      const res = await fetch(`${running.url}/openapi.json`);
      expect(res.status).toBe(200);
      const live = (await res.json()) as Record<string, unknown>;
      const built = await openApiDocument(service);
      // Only the server URL differs: it names the port the service listens on.
      expect(live.servers).toEqual([{ url: `http://127.0.0.1:${port}` }]);
      expect({ ...live, servers: built.servers }).toEqual(built);
      expect(JSON.stringify({ ...live, servers: built.servers })).toBe(JSON.stringify(built));
    } finally {
      await running.stop();
      const db = await mongoose.createConnection(mongoUrl(), { dbName: databaseName(service, suffix) }).asPromise();
      await db.dropDatabase().catch(() => undefined);
      await db.close();
    }
  });
});
