import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { RecordedView, recordedView } from '@convene/shared/agency';
import { DisclosureDecisionCommand, DisclosureRequestView, DisclosureStatus as Status } from '@convene/shared/contracts';
import type { DisclosureRequest } from '../db/disclosures.js';
import { decideDisclosure } from '../domain/disclosure.js';
import { staffMember, type HealthDeps } from './deps.js';

const RequestParams = z.object({ requestRef: z.uuid() });

function requestView(r: DisclosureRequest): z.infer<typeof DisclosureRequestView> {
  return {
    requestRef: r._id, caseRef: r.caseRef, concernRef: r.concernRef, requestedBy: r.requestedBy, reason: r.reason,
    proposedAudience: r.proposedAudience, requestedAt: r.requestedAt.toISOString(), status: r.status,
    ...(r.decision ? {
      decision: {
        reason: r.decision.reason, decidedBy: r.decision.decidedBy, decidedAt: new Date(r.decision.decidedAt).toISOString(), eventId: r.decision.eventId,
        ...(r.decision.audience ? { audience: r.decision.audience } : {}),
        ...(r.decision.legalGateway ? { legalGateway: r.decision.legalGateway } : {}),
      },
    } : {}),
  };
}

/** The Caldicott guardian's queue of requests to disclose a concern's detail, and their decisions. */
export function disclosureRoutes({ kit, records }: HealthDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/disclosure-requests', operationId: 'listDisclosureRequests', tag: 'disclosures', permission: 'disclosures.read',
      summary: 'The Caldicott queue: pending requests first, oldest first', query: z.object({ status: Status.optional() }),
      success: { status: 200, description: 'Disclosure requests', schema: z.array(DisclosureRequestView) },
      handler: async ({ query }) => (await records.disclosures.list(query.status)).map(requestView),
    }),
    defineRoute({
      method: 'get', path: '/disclosure-requests/:requestRef', operationId: 'getDisclosureRequest', tag: 'disclosures', permission: 'disclosures.read',
      summary: 'One disclosure request and its decision, if made', params: RequestParams, errors: [404],
      success: { status: 200, description: 'The request', schema: DisclosureRequestView },
      handler: async ({ params }) => requestView(await records.disclosures.get(params.requestRef)),
    }),
    defineRoute({
      method: 'post', path: '/disclosure-requests/:requestRef/decide', operationId: 'decideDisclosure', tag: 'disclosures', permission: 'disclosures.decide',
      summary: 'Disclose a concern\'s detail to a named audience, or refuse; publishes health.disclosure.decided',
      params: RequestParams, body: DisclosureDecisionCommand, errors: [404, 409],
      success: { status: 201, description: 'Decided and published', schema: RecordedView },
      handler: async ({ params, body, principal }) => {
        const request = await records.disclosures.get(params.requestRef);
        const concern = await records.concerns.find(request.concernRef);
        const decided = decideDisclosure({ ...request, requestRef: request._id }, body, concern, staffMember(principal));
        const recorded = await kit.recorder.record({
          type: 'health.disclosure.decided.v1', occurredAt: new Date(), sharing: decided.sharing, ...(decided.audience ? { audience: decided.audience } : {}),
          alwaysPublish: true, subject: request.caseRef, subjects: concern?.subjects ?? [], data: decided.data,
        });
        return recordedView(request._id, recorded);
      },
    }),
  ];
}
