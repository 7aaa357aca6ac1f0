// Each service's OpenAPI document, exactly as the running service serves it at GET /openapi.json, built
// without a database or a broker: the app is created on an unconnected mongoose connection with a stub
// runtime (its health checks and token verifier are never called) and /openapi.json is requested in-process.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import mongoose, { type Connection } from 'mongoose';
import type { AgencyKit } from '@convene/shared/agency';
import type { Runtime } from '@convene/shared/runtime';
import { createMetrics } from '@convene/shared/http';
import { createLogger, type Logger } from '@convene/shared/log';
import * as conference from '../../services/conference/src/index.js';
import * as police from '../../services/police/src/index.js';
import * as cps from '../../services/cps/src/index.js';
import * as health from '../../services/health/src/index.js';
import * as advocacy from '../../services/advocacy/src/index.js';
import { DEV_JWT_SECRET, DEV_LINK_SECRET } from './devSecrets.js';

export const OPENAPI_DIR = fileURLToPath(new URL('../../docs/api/', import.meta.url));

/**
 * A fixed environment: defaults for everything (so the server URL is the service's default port, whatever
 * PORT this process has), dev secrets only because config loading requires them.
 */
const DOCS_ENV: NodeJS.ProcessEnv = { CONVENE_JWT_SECRET: DEV_JWT_SECRET, CONVENE_LINK_SECRET: DEV_LINK_SECRET, LOG_LEVEL: 'silent' };

type StubRuntime = Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken'>;

/** Builds a service's app, as its main.ts does, on a database connection that is never opened. */
type AppBuilder = (db: Connection, logger: Logger, runtime: StubRuntime) => Express;

/** What an agency service's src/index.ts exposes for in-process use. */
interface AgencyModule<C, S extends { kit: AgencyKit }> {
  loadConfig(env: NodeJS.ProcessEnv): C;
  createService(db: Connection, config: C, logger: Logger): S;
  createApp(deps: { config: C; runtime: StubRuntime } & S): Express;
}

function agencyApp<C, S extends { kit: AgencyKit }>(mod: AgencyModule<C, S>): AppBuilder {
  return (db, logger, runtime) => {
    const config = mod.loadConfig(DOCS_ENV);
    return mod.createApp({ config, runtime, ...mod.createService(db, config, logger) });
  };
}

const conferenceApp: AppBuilder = (db, logger, runtime) => {
  const config = conference.loadConfig(DOCS_ENV);
  return conference.createApp({ config, runtime, service: conference.createService(db, config, logger) });
};

/** The services with an HTTP API, in the order the docs list them. */
const SERVICES: Record<'conference' | 'police' | 'cps' | 'health' | 'advocacy', AppBuilder> = {
  conference: conferenceApp,
  police: agencyApp(police),
  cps: agencyApp(cps),
  health: agencyApp(health),
  advocacy: agencyApp(advocacy),
};

export type ApiService = keyof typeof SERVICES;
export const API_SERVICES = Object.keys(SERVICES) as ApiService[];

function never(what: string): () => Promise<never> {
  return () => Promise.reject(new Error(`${what} is not available while building the OpenAPI documents`));
}

async function served(app: Express): Promise<Record<string, unknown>> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/openapi.json`);
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !type.startsWith('application/json')) {
      throw new Error(`GET /openapi.json answered ${res.status} ${type}: ${await res.text()}`);
    }
    return (await res.json()) as Record<string, unknown>;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** One service's document, as GET /openapi.json serves it. */
export async function openApiDocument(name: ApiService): Promise<Record<string, unknown>> {
  const logger = createLogger(name, { level: 'silent' });
  // Never opened: models are defined on it, and building the routes runs no query.
  const db = mongoose.createConnection();
  try {
    const runtime: StubRuntime = {
      logger,
      metrics: createMetrics(name),
      health: { kafka: never('kafka'), database: never('the database') },
      verifyToken: never('token verification'),
    };
    return await served(SERVICES[name](db, logger, runtime));
  } finally {
    await db.close();
  }
}

/** Every service's document, keyed by service name. */
export async function openApiDocuments(): Promise<Record<ApiService, Record<string, unknown>>> {
  const docs = {} as Record<ApiService, Record<string, unknown>>;
  for (const name of API_SERVICES) docs[name] = await openApiDocument(name);
  return docs;
}

export function openApiFileName(name: string): string {
  return `${name}.openapi.json`;
}

/** Pretty JSON, keys in the order the document was built. */
export function openApiJson(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface Endpoint {
  method: string;
  path: string;
  operationId: string;
  summary: string;
  /** The policy permission (`x-convene-permission`), or `public` for operations with `security: []`. */
  permission: string;
}

/** The operations of a document, in document order. */
export function endpoints(doc: Record<string, unknown>): Endpoint[] {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Record<string, unknown>>>;
  const list: Endpoint[] = [];
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!(METHODS as readonly string[]).includes(method)) continue;
      const security = op.security as unknown[] | undefined;
      list.push({
        method: method.toUpperCase(),
        path,
        operationId: String(op.operationId ?? ''),
        summary: String(op.summary ?? ''),
        permission: Array.isArray(security) && security.length === 0 ? 'public' : String(op['x-convene-permission'] ?? ''),
      });
    }
  }
  return list;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** docs/api/README.md: a table of each service's endpoints, from the same documents. */
export function openApiReadme(docs: Record<string, Record<string, unknown>>): string {
  const lines = [
    '# HTTP APIs',
    '',
    '<!-- Generated by `npm run docs:openapi` from the route specs; do not edit by hand. -->',
    '',
    'Each service serves its OpenAPI 3.1 document at `GET /openapi.json`; the copies here are what those documents are.',
    'Every endpoint except those marked `public` needs a bearer token, and the policy permission named here.',
    '',
  ];
  for (const [name, doc] of Object.entries(docs)) {
    const info = (doc.info ?? {}) as { title?: string; version?: string; description?: string };
    const list = endpoints(doc);
    lines.push(`## ${name}`, '');
    lines.push(`${info.title ?? name} ${info.version ?? ''}`.trim() + ` — [${openApiFileName(name)}](./${openApiFileName(name)}), ${list.length} endpoints.`, '');
    if (info.description) lines.push(info.description, '');
    lines.push('| Method | Path | Summary | Permission |', '| --- | --- | --- | --- |');
    for (const e of list) lines.push(`| ${e.method} | \`${cell(e.path)}\` | ${cell(e.summary)} | ${e.permission === 'public' ? 'public' : `\`${cell(e.permission)}\``} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Every file under docs/api/, by file name, with its expected content. */
export function openApiFiles(docs: Record<string, Record<string, unknown>>): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, doc] of Object.entries(docs)) files[openApiFileName(name)] = openApiJson(doc);
  files['README.md'] = openApiReadme(docs);
  return files;
}
