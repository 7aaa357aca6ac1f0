import { issueLocalToken, type Principal } from '@convene/shared/auth';
import { DEV_JWT_SECRET } from '../../../scripts/lib/devSecrets.js';

// HTTP and tokens.

export function token(principal: Principal): Promise<string> {
  return issueLocalToken(DEV_JWT_SECRET, principal, { expiresIn: '2h' });
}

export interface HttpResult {
  status: number;
  body: any;
}

/** A JSON call with a timeout; a network failure (refused, reset, timed out) throws. */
export async function call(baseUrl: string, bearer: string, method: string, route: string, body?: unknown, timeoutMs = 20_000): Promise<HttpResult> {
  const res = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}
