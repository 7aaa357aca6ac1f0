import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { Principal, TokenVerifier } from '../auth/index.js';
import { authenticate, principalOf } from '../auth/index.js';
import { forbidden } from '../errors/index.js';
import { parseRequest } from './validate.js';

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  req: Request;
  res: Response;
}

/** What a handler returns: a body (sent with the route's success status), or an explicit status and body. */
export type RouteResult = unknown | { status: number; body: unknown; contentType?: string };

export interface RouteSpec<P extends AnyObject | undefined = AnyObject | undefined, Q extends AnyObject | undefined = AnyObject | undefined, B extends z.ZodType | undefined = z.ZodType | undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, e.g. /incidents/:incidentRef */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** The policy permission this route needs; `public` routes need no token. */
  permission: string | 'public';
  params?: P;
  query?: Q;
  body?: B;
  success: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Error statuses this route can answer with besides 400/401/403 (e.g. 404, 409). */
  errors?: number[];
  /**
   * Errors the handler answers in a format of its own (a FHIR OperationOutcome), by status, so the document
   * says so; `alsoProblem` where the shared layers answer the same status as problem+json (a malformed body).
   */
  errorContent?: Partial<Record<number, { contentType: string; schema: z.ZodType; alsoProblem?: boolean }>>;
  handler: (input: RouteInput<P extends AnyObject ? z.infer<P> : undefined, Q extends AnyObject ? z.infer<Q> : undefined, B extends z.ZodType ? z.infer<B> : undefined>) => Promise<RouteResult> | RouteResult;
}

export function defineRoute<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** A service's authorisation policy: one function, so every decision is made in one place. */
export type Policy = (principal: Principal, permission: string) => boolean;

function isExplicit(result: unknown): result is { status: number; body: unknown; contentType?: string } {
  return typeof result === 'object' && result !== null && 'status' in result && 'body' in result && typeof (result as { status: unknown }).status === 'number';
}

/**
 * Mount route specs on a router: authenticate, authorise by the service's policy, parse path, query and
 * body with zod (400 naming each bad field), call the handler, send JSON.
 */
export function mountRoutes(routes: RouteSpec[], options: { verifyToken: TokenVerifier; policy: Policy }): Router {
  const router = Router();
  const auth = authenticate(options.verifyToken);
  for (const route of routes) {
    const chain = route.permission === 'public' ? [] : [auth];
    router[route.method](route.path, ...chain, async (req: Request, res: Response) => {
      let principal = undefined as unknown as Principal;
      if (route.permission !== 'public') {
        principal = principalOf(res);
        if (!options.policy(principal, route.permission)) throw forbidden(`${principal.role} users of ${principal.agency} may not ${route.permission}`);
      }
      const params = route.params ? parseRequest(route.params, req.params, 'path') : undefined;
      const query = route.query ? parseRequest(route.query, req.query, 'query') : undefined;
      const body = route.body ? parseRequest(route.body, req.body ?? {}, 'body') : undefined;
      const result = await route.handler({ params, query, body, principal, req, res });
      if (res.headersSent) return;
      if (isExplicit(result)) {
        res.status(result.status);
        if (result.contentType) res.type(result.contentType).send(result.body);
        else res.json(result.body);
        return;
      }
      res.status(route.success.status);
      if (route.success.contentType && route.success.contentType !== 'application/json') res.type(route.success.contentType).send(result);
      else if (result === undefined) res.end();
      else res.json(result);
    });
  }
  return router;
}
