import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { DomainError } from '../errors/index.js';
import type { Logger } from '../log/index.js';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** RFC 9457 problem details; `errors` lists each bad field with its reason. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldProblem[];
}

export class RequestValidationError extends DomainError {
  constructor(readonly errors: FieldProblem[]) {
    super('invalid_request', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), { status: 400, ...(errors[0] ? { field: errors[0].field } : {}) });
  }
}

/** Turn zod issues into field/reason pairs, the field prefixed with where it came from (body, query, path). */
export function fieldProblems(error: z.ZodError, where: string): FieldProblem[] {
  return error.issues.slice(0, 20).map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    reason: issue.message,
  }));
}

const TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict',
  413: 'Payload too large', 415: 'Unsupported media type', 429: 'Too many requests', 500: 'Internal server error', 503: 'Service unavailable',
};

export function sendProblem(res: Response, status: number, code: string, detail: string, errors?: FieldProblem[]): void {
  const body: Problem = { type: `https://convene.example/problems/${code}`, title: TITLES[status] ?? 'Error', status, detail, code, ...(errors ? { errors } : {}) };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** The one place errors become HTTP responses. Anything unrecognised is a 500, logged without the request body. */
export function problemHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    if (err instanceof RequestValidationError) return sendProblem(res, 400, err.code, err.message, err.errors);
    if (err instanceof DomainError) {
      return sendProblem(res, err.status, err.code, err.message, err.field ? [{ field: err.field, reason: err.message }] : undefined);
    }
    if (err instanceof z.ZodError) return sendProblem(res, 400, 'invalid_request', 'the request is not valid', fieldProblems(err, 'body'));
    const httpErr = err as { type?: string; status?: number; statusCode?: number; message?: string };
    // Errors raised by express's body parser carry a status and a type.
    if (httpErr.type === 'entity.too.large') return sendProblem(res, 413, 'payload_too_large', 'the request body is too large');
    if (httpErr.type === 'entity.parse.failed') return sendProblem(res, 400, 'malformed_json', 'the request body is not valid JSON', [{ field: 'body', reason: 'not valid JSON' }]);
    const status = httpErr.status ?? httpErr.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return sendProblem(res, status, 'bad_request', httpErr.message ?? 'bad request');
    logger.error({ err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack }, method: req.method, path: req.path }, 'unhandled error');
    return sendProblem(res, 500, 'internal_error', 'something went wrong on our side; it has been logged');
  };
}

export function notFoundHandler(req: Request, res: Response): void {
  sendProblem(res, 404, 'no_such_endpoint', `no endpoint ${req.method} ${req.path}`);
}
