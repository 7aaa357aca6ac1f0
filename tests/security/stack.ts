import { startAgency, type RunningAgency } from '../support/agencies.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { uniqueId } from '../support/infra.js';
import { SERVICES, type ServiceName } from './principals.js';

export interface SecurityStack {
  prefix: string;
  urls: Record<ServiceName, string>;
  conference: RunningConference;
  agencies: Record<Exclude<ServiceName, 'conference'>, RunningAgency>;
  /** Each service's OpenAPI document, as it serves it. */
  docs: Record<ServiceName, Record<string, unknown>>;
  stop(): Promise<void>;
}

/** All five services in this process on one topic prefix, each with its own database. */
export async function startSecurityStack(env: NodeJS.ProcessEnv = {}): Promise<SecurityStack> {
  const prefix = uniqueId('sec');
  const conference = await startConference(prefix, { env });
  const started: RunningAgency[] = [];
  try {
    const [police, cps, health, advocacy] = await Promise.all((['police', 'cps', 'health', 'advocacy'] as const).map(async (name) => {
      const agency = await startAgency(name, { prefix, env });
      started.push(agency);
      return agency;
    }));
    const agencies = { police: police!, cps: cps!, health: health!, advocacy: advocacy! };
    const urls = { conference: conference.url, police: police!.url, cps: cps!.url, health: health!.url, advocacy: advocacy!.url };
    const docs = {} as Record<ServiceName, Record<string, unknown>>;
    for (const service of SERVICES) docs[service] = (await (await fetch(`${urls[service]}/openapi.json`)).json()) as Record<string, unknown>;
    return {
      prefix, urls, conference, agencies, docs,
      async stop() {
        await Promise.allSettled(started.map((a) => a.stop()));
        await conference.stop();
      },
    };
  } catch (err) {
    await Promise.allSettled(started.map((a) => a.stop()));
    await conference.stop();
    throw err;
  }
}

export interface RawResponse {
  status: number;
  contentType: string;
  body: unknown;
  text: string;
}

/** One HTTP request with a raw body (a string is sent as is), never throwing on a status. */
export async function send(baseUrl: string, method: string, url: string, options: { token?: string | undefined; body?: unknown; contentType?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  const hasBody = options.body !== undefined;
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      ...(options.token !== undefined ? { authorization: `Bearer ${options.token}` } : {}),
      ...(hasBody ? { 'content-type': options.contentType ?? 'application/json' } : {}),
      ...options.headers,
    },
    ...(hasBody ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', body, text };
}

/** Is this a problem+json body with the status it was sent with? */
export function isProblem(res: RawResponse): boolean {
  const body = res.body as { status?: unknown; code?: unknown; type?: unknown } | undefined;
  return res.contentType.startsWith('application/problem+json') && typeof body === 'object' && body !== null && body.status === res.status && typeof body.code === 'string';
}

/**
 * The FHIR intake (health `POST /fhir/Flag`) answers its own validation failures as a FHIR OperationOutcome
 * (application/fhir+json), by design; everything else, and that endpoint's 401/403/413/429, is problem+json.
 */
export function isOperationOutcome(res: RawResponse): boolean {
  return res.contentType.startsWith('application/fhir+json') && (res.body as { resourceType?: unknown } | undefined)?.resourceType === 'OperationOutcome';
}

export function isErrorDocument(res: RawResponse, path: string): boolean {
  return isProblem(res) || (path.startsWith('/fhir/') && (res.status === 400 || res.status === 404 || res.status === 409 || res.status === 415 || res.status === 422) && isOperationOutcome(res));
}
