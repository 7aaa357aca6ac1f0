/**
 * A tiny HTTP client for seeding through the services' own APIs: bearer tokens per staff member, a cap on
 * requests in flight, retries where a retry cannot record anything twice, and errors that say which call
 * failed and why (the problem+json detail and bad fields).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { issueLocalToken, type Principal } from '@convene/shared/auth';

export interface ServiceUrls {
  conference: string;
  police: string;
  cps: string;
  health: string;
  advocacy: string;
}
export type Service = keyof ServiceUrls;

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly service: Service,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${service} ${path} → ${status} ${describeProblem(body)}`);
    this.name = 'ApiError';
  }
}

function describeProblem(body: unknown): string {
  if (body && typeof body === 'object') {
    const p = body as { code?: string; detail?: string; errors?: { field: string; reason: string }[]; issue?: { diagnostics?: string; expression?: string[] }[] };
    if (p.errors?.length) return `${p.code ?? 'error'}: ${p.errors.map((e) => `${e.field}: ${e.reason}`).join('; ')}`;
    if (p.detail) return `${p.code ?? 'error'}: ${p.detail}`;
    if (p.issue?.length) return `OperationOutcome: ${p.issue.map((i) => `${i.expression?.join(',') ?? ''} ${i.diagnostics ?? ''}`.trim()).join('; ')}`;
  }
  return typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body)?.slice(0, 300) ?? '';
}

export interface ApiOptions {
  jwtSecret: string;
  /** The area claim of every token for someone without an area of their own (a conference serving several areas needs one). */
  area?: string | undefined;
  /** Requests in flight at once, over all services. */
  concurrency?: number;
  timeoutMs?: number;
  /** Attempts for a call that may be retried (connection refused, 429, 502–504). */
  attempts?: number;
  /** Told about each retry, e.g. to log it. */
  onRetry?: (message: string) => void;
}

export interface RequestOptions {
  body?: unknown;
  contentType?: string;
}

/** Counts a seeding run reports. */
export interface ApiStats {
  requests: number;
  retries: number;
}

export interface Api {
  urls: ServiceUrls;
  stats: ApiStats;
  get<T = any>(service: Service, as: Principal, path: string): Promise<T>;
  post<T = any>(service: Service, as: Principal, path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>;
}

/** At most `limit` tasks at once; the rest wait in order. */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);

/** Seconds until a rate-limit window resets (RateLimit draft-7 or Retry-After), if the answer says. */
function retryAfterMs(res: Response): number | undefined {
  const draft7 = res.headers.get('ratelimit')?.match(/reset=(\d+)/)?.[1];
  const retryAfter = res.headers.get('retry-after');
  const seconds = draft7 !== undefined ? Number(draft7) : retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  return seconds === undefined ? undefined : Math.min(60_000, seconds * 1000 + 250);
}

function refused(err: unknown): boolean {
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code === 'ECONNREFUSED';
}

export function createApi(urls: ServiceUrls, options: ApiOptions): Api {
  const limit = createLimiter(options.concurrency ?? 6);
  const attempts = options.attempts ?? 6;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const tokens = new Map<string, Promise<string>>();
  const stats: ApiStats = { requests: 0, retries: 0 };

  function tokenFor(principal: Principal): Promise<string> {
    const key = `${principal.sub}|${principal.role}|${principal.agency}`;
    let token = tokens.get(key);
    if (!token) {
      const area = principal.area ?? options.area;
      token = issueLocalToken(options.jwtSecret, { ...principal, ...(area ? { area } : {}) }, { expiresIn: '12h' });
      tokens.set(key, token);
    }
    return token;
  }

  async function request<T>(method: 'GET' | 'POST', service: Service, as: Principal, path: string, opts: RequestOptions = {}): Promise<T> {
    const url = `${urls[service]}${path}`;
    const token = await tokenFor(as);
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await limit(() => {
          stats.requests++;
          return fetch(url, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(opts.body !== undefined ? { 'content-type': opts.contentType ?? 'application/json' } : {}),
            },
            ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
            signal: AbortSignal.timeout(timeoutMs),
          });
        });
      } catch (err) {
        // A refused connection never reached the service, so even a POST is safe to send again. Any other
        // failure of a POST may have recorded it: we stop rather than risk recording it twice.
        const retryable = refused(err) || method === 'GET';
        if (!retryable || attempt >= attempts) {
          throw new Error(`${method} ${service} ${path} failed: ${(err as Error).message}${(err as { cause?: Error }).cause ? ` (${(err as { cause: Error }).cause.message})` : ''}`);
        }
        stats.retries++;
        options.onRetry?.(`${method} ${service} ${path}: ${(err as Error).message}; retrying (${attempt}/${attempts - 1})`);
        await sleep(Math.min(4000, 200 * 2 ** (attempt - 1)));
        continue;
      }
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text for the error message
      }
      if (res.ok) return body as T;
      // 429 and 503 are answered before a handler runs, so nothing was recorded; 502/504 come from a proxy
      // in front of a service that was not reached.
      if (RETRYABLE_STATUS.has(res.status) && attempt < attempts) {
        stats.retries++;
        const wait = retryAfterMs(res) ?? Math.min(4000, 250 * 2 ** (attempt - 1));
        options.onRetry?.(`${method} ${service} ${path} → ${res.status}; retrying in ${(wait / 1000).toFixed(1)}s (${attempt}/${attempts - 1})`);
        await sleep(wait);
        continue;
      }
      throw new ApiError(method, service, path, res.status, body);
    }
  }

  return {
    urls,
    stats,
    get: (service, as, path) => request('GET', service, as, path),
    post: (service, as, path, body, opts = {}) => request('POST', service, as, path, { ...opts, ...(body !== undefined ? { body } : {}) }),
  };
}

/** Poll `check` until it returns something, or fail after `timeoutMs` saying what we waited for. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 300, still }: { timeoutMs?: number; intervalMs?: number; still?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
      if (err instanceof ApiError && err.status < 500 && err.status !== 404 && err.status !== 429) throw err;
    }
    if (Date.now() >= deadline) {
      const detail = [still?.(), lastError ? `last error: ${(lastError as Error).message}` : ''].filter(Boolean).join('; ');
      throw new Error(`timed out after ${(timeoutMs / 1000).toFixed(0)}s waiting for ${what}${detail ? ` (${detail})` : ''}`);
    }
    await sleep(intervalMs);
  }
}
