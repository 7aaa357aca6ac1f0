import { z } from 'zod';
import { buildOpenApi, defineRoute, type RouteSpec } from '../http/index.js';

/** GET /openapi.json: the document built from the same route specs that serve the API. */
export function openApiRoute(info: { title: string; description: string; version: string; serverUrl: string }, routes: RouteSpec[]): RouteSpec {
  const spec = defineRoute({
    method: 'get', path: '/openapi.json', operationId: 'getOpenApi', tag: 'meta', permission: 'public',
    summary: 'This API as an OpenAPI 3.1 document', success: { status: 200, description: 'OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()) },
    handler: () => document,
  });
  const document = buildOpenApi(info, [...routes, spec]);
  return spec;
}
