import { randomBytes } from 'node:crypto';

/** A fresh W3C traceparent (version 00, sampled) for work that did not arrive with one. */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** Continue a trace: same trace id, new parent span id. */
export function childTraceparent(parent: string | undefined): string {
  if (!parent) return newTraceparent();
  const [version, traceId, , flags] = parent.split('-');
  return `${version}-${traceId}-${randomBytes(8).toString('hex')}-${flags}`;
}

export function traceIdOf(traceparent: string | undefined): string | undefined {
  return traceparent?.split('-')[1];
}
