import { z } from 'zod';
import type { RouteSpec } from '../http/index.js';
import { CaseRef, RecordRef } from '../contracts/index.js';
import { actorOf, type AuditPurpose, type AuditTrail } from '../audit/index.js';

type AnyObject = z.ZodObject<z.ZodRawShape>;

/** `?caseRef=`: the listed case an agency reader is working on, audited as the purpose of the read. */
const ForCase = { caseRef: CaseRef.optional().describe('The listed case you read this for (audited as the purpose); omit for your own casework') };

/** What a read was for, from the request itself: the request it answers, the case named, else the agency's own casework. */
export function readPurpose(path: string, params: Record<string, unknown>, caseRef: string | undefined): AuditPurpose {
  const ref = typeof params.requestRef === 'string' ? params.requestRef : undefined;
  if (ref && path.startsWith('/disclosure-requests/')) return { kind: 'disclosure_request', ref };
  if (ref && path.startsWith('/history-requests/')) return { kind: 'history_request', ref };
  if (path.startsWith('/statistics/') && typeof params.month === 'string') return { kind: 'scrutiny', ref: `${params.month}..${params.month}` };
  if (caseRef) return { kind: 'case', ref: caseRef };
  return { kind: 'casework' };
}

/**
 * The record a read names by its path parameter: `incidentRef` → incident, `personId` → person. A request is named
 * by the collection it is in (`/disclosure-requests/:requestRef` → disclosure_request), as requests of several
 * kinds share the parameter's name.
 */
export function readRecord(params: Record<string, unknown>, path = ''): { kind: string; ref: string } | undefined {
  const [name, value] = Object.entries(params)[0] ?? [];
  if (!name || typeof value !== 'string' || !RecordRef.safeParse(value).success) return undefined;
  const collection = /^\/([a-z]+)-requests\//.exec(path)?.[1];
  const kind = name === 'requestRef' && collection ? `${collection}_request` : name.replace(/(Ref|Id)$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return /^[a-z][a-z_]{0,39}$/.test(kind) ? { kind, ref: value } : undefined;
}

const snake = (operationId: string) => operationId.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Every read of people and records (each authenticated GET) goes in the agency's own audit log once it has
 * succeeded, with who read it, which record and why. A read whose entry cannot be written fails rather than go
 * unrecorded. Each route also takes `?caseRef=`, so a reader can say which listed case it was for.
 */
export function auditReads(routes: readonly RouteSpec[], trail: Pick<AuditTrail, 'record'>): RouteSpec[] {
  return routes.map((route) => {
    if (route.method !== 'get' || route.permission === 'public') return route;
    const query = (route.query ? (route.query as AnyObject).extend(ForCase) : z.object(ForCase)) as AnyObject;
    return {
      ...route,
      query,
      handler: async (input) => {
        const result = await route.handler(input);
        const params = (input.params ?? {}) as Record<string, unknown>;
        const caseRef = (input.query as { caseRef?: string } | undefined)?.caseRef;
        const record = readRecord(params, route.path);
        await trail.record({
          actor: actorOf(input.principal), action: snake(route.operationId), outcome: 'allowed',
          purpose: readPurpose(route.path, params, caseRef),
          ...(caseRef ? { caseRef } : {}),
          ...(record ? { record } : {}),
          ...(typeof params.requestRef === 'string' ? { requestRef: params.requestRef } : {}),
        });
        return result;
      },
    } satisfies RouteSpec;
  });
}
