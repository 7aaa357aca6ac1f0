import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Connection } from 'mongoose';
import { connectRuntime, type Runtime } from '@convene/shared/runtime';
import { issueLocalToken, type Principal } from '@convene/shared/auth';
import type { AgencyKit } from '@convene/shared/agency';
import type { Logger } from '@convene/shared/log';
import { devEnvironment, DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';
import { brokers, mongoUrl, testLogger, uniqueId } from './infra.js';

/** What each agency service exposes to in-process tests: its config loader, wiring and app factory. */
interface AgencyModule<C> {
  loadConfig(env: NodeJS.ProcessEnv): C;
  createService(db: Connection, config: C, logger: Logger): { kit: AgencyKit } & Record<string, unknown>;
  createApp(deps: { config: C; runtime: Runtime; kit: AgencyKit } & Record<string, unknown>): Express;
}


export interface RunningAgency {
  url: string;
  kit: AgencyKit;
  runtime: Runtime;
  prefix: string;
  /** Its consumer group (the dead-letter header names it). */
  groupId: string;
  stop(): Promise<void>;
}

/**
 * Run an agency service in this process on the real broker and database, with its own topic prefix and
 * database (pass `prefix` to share topics with another service under test).
 */
export async function startAgency(name: 'police' | 'cps' | 'health' | 'advocacy', options: { prefix?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningAgency> {
  // Each service's src/index.ts exposes loadConfig, createService and createApp for in-process tests.
  const mod = (await import(`../../services/${name}/src/index.ts`)) as AgencyModule<{ PORT: number }>;
  const prefix = options.prefix ?? uniqueId('ag');
  const config = mod.loadConfig(devEnvironment({
    KAFKA_BROKERS: brokers().join(','), MONGO_URL: mongoUrl(), KAFKA_TOPIC_PREFIX: prefix, MONGO_DB_SUFFIX: `${prefix}_${uniqueId('')}`,
    KAFKA_TOPIC_PARTITIONS: '3', LOG_LEVEL: 'error', ...options.env,
  }));
  const runtime = await connectRuntime(name, config as never, testLogger);
  const service = mod.createService(runtime.db, config, testLogger);
  const groupId = uniqueId(`${name}-group`);
  await service.kit.start(runtime, { relayPollMs: 50, groupId });
  const app = mod.createApp({ config, runtime, ...service });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    kit: service.kit,
    runtime,
    prefix,
    groupId,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await service.kit.stop();
      await runtime.db.dropDatabase().catch(() => undefined);
      await runtime.close();
    },
  };
}

export function tokenFor(principal: Principal): Promise<string> {
  return issueLocalToken(DEV_JWT_SECRET, principal, { expiresIn: '10m' });
}

/** A tiny JSON client for a service under test. */
export function client(baseUrl: string, token?: string) {
  async function call(method: string, path: string, body?: unknown) {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, contentType: res.headers.get('content-type') ?? '' };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body),
  };
}
