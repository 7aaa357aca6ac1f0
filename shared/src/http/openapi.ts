import { z } from 'zod';
import type { RouteSpec } from './routes.js';

type Json = Record<string, unknown>;

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } } },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request: each bad field is named with its reason', 401: 'Missing or invalid bearer token', 403: 'Not allowed for this role or agency',
  404: 'No such record', 409: 'The record is not in a state that allows this', 413: 'Body too large', 429: 'Rate limited',
};

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  delete json.$schema;
  return json;
}

/** Express `:param` to OpenAPI `{param}`. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parameters(schema: z.ZodObject<z.ZodRawShape> | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: s,
  }));
}

/** OpenAPI 3.1 from the same route specs that parse the requests, so the document cannot drift from the code. */
export function buildOpenApi(info: { title: string; version: string; description: string; serverUrl: string }, routes: RouteSpec[]): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const responses: Json = {
      [String(route.success.status)]: route.success.schema
        ? { description: route.success.description, content: { [route.success.contentType ?? 'application/json']: { schema: jsonSchema(route.success.schema, 'output') } } }
        : { description: route.success.description },
    };
    const statuses = new Set([400, ...(route.permission === 'public' ? [] : [401, 403]), 429, ...(route.body ? [413] : []), ...(route.errors ?? [])]);
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };
    for (const status of [...statuses].sort()) {
      const own = route.errorContent?.[status];
      const content = own ? { [own.contentType]: { schema: jsonSchema(own.schema, 'output') }, ...(own.alsoProblem ? problem : {}) } : problem;
      responses[String(status)] = { description: ERROR_TEXT[status] ?? 'Error', content };
    }
    paths[path] = {
      ...(paths[path] ?? {}),
      [route.method]: {
        operationId: route.operationId,
        summary: route.summary,
        tags: [route.tag],
        ...(route.permission === 'public' ? { security: [] } : { 'x-convene-permission': route.permission }),
        parameters: [...parameters(route.params as z.ZodObject<z.ZodRawShape> | undefined, 'path'), ...parameters(route.query as z.ZodObject<z.ZodRawShape> | undefined, 'query')],
        ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    servers: [{ url: info.serverUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: problemSchema },
    },
  };
}
