import { issueLocalToken, type Principal } from '@convene/shared/auth';
import { DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';

export function tokenFor(principal: Principal): Promise<string> {
  return issueLocalToken(DEV_JWT_SECRET, principal, { expiresIn: '2h' });
}

/** A small JSON client for one service and one caller. */
export function api(baseUrl: string, token: string) {
  async function call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
  return {
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body?: unknown) => call<T>('POST', path, body),
  };
}

export type Api = ReturnType<typeof api>;
