import type { z } from 'zod';
import { fieldProblems, RequestValidationError } from './problem.js';

/** Parse one part of a request; a failure is a 400 naming each field and why. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path' | 'header'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestValidationError(fieldProblems(result.error, where));
  return result.data;
}
