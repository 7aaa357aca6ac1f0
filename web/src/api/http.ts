import { session } from '../session';

/** What went wrong, in words a person can act on, with the fields the service named. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: { field: string; reason: string }[] = [],
    readonly code = 'error',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a person can do about a failure; shown under the message. */
export function whatToDo(err: unknown): string {
  // Errors that know what to do about themselves (e.g. a failed sign-in at the identity provider) say so.
  if (err instanceof Error && typeof (err as { hint?: unknown }).hint === 'string') return (err as Error & { hint: string }).hint;
  if (!(err instanceof ApiError)) return 'Check your connection and try again.';
  switch (err.status) {
    case 0: return 'The service could not be reached. Check it is running, then try again.';
    case 400: return 'Correct the highlighted details and send again.';
    case 401: return 'Your sign-in has expired. Sign in again.';
    case 403: return 'You do not have access to this. Ask the meeting chair to invite you, or sign in as someone who has.';
    case 404: return 'It may have been closed or removed. Go back and choose again.';
    case 409: return 'Something changed meanwhile. Reload to see the current state.';
    case 410: return 'This has expired. Ask for a new one.';
    case 429: return 'Too many requests. Wait a minute, then try again.';
    default: return 'Something went wrong on the service. Try again; if it keeps happening, tell your administrator.';
  }
}

interface Problem {
  detail?: string;
  code?: string;
  errors?: { field: string; reason: string }[];
}

async function problemOf(res: Response): Promise<ApiError> {
  let problem: Problem = {};
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // not JSON: keep the status alone
  }
  return new ApiError(res.status, problem.detail ?? `${res.status} ${res.statusText}`, problem.errors ?? [], problem.code);
}

/** One call with the signed-in person's bearer token; a 401 signs them out so they see the sign-in screen. */
export async function request(url: string, init: { method?: string; body?: unknown; auth?: boolean } = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = session.current()?.token;
  if (init.auth !== false && token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
  } catch {
    throw new ApiError(0, `could not reach ${new URL(url, location.href).host}`);
  }
  if (!res.ok) {
    const err = await problemOf(res);
    if (res.status === 401 && init.auth !== false) session.expire();
    throw err;
  }
  return res;
}

export async function getJson<T>(url: string): Promise<T> {
  return (await (await request(url)).json()) as T;
}

export async function postJson<T>(url: string, body?: unknown, init: { auth?: boolean } = {}): Promise<T> {
  return (await (await request(url, { method: 'POST', body: body ?? {}, ...init })).json()) as T;
}
