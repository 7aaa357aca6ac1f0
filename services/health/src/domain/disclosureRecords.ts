import type { CaseEvent } from '@convene/shared/contracts';
import type { RecordFold } from '@convene/shared/mongo';
import type { DisclosureRequest } from '../db/disclosures.js';

/** Which request in the Caldicott queue an event concerns. */
function refOf(event: CaseEvent): string | undefined {
  switch (event.type) {
    case 'conference.disclosure.requested.v1':
    case 'health.disclosure.requested.v1':
    case 'health.disclosure.decided.v1': return event.data.requestRef;
    default: return undefined;
  }
}

/**
 * The Caldicott guardian's queue: a conference's request is queued once, acknowledged by the health service's
 * own event, and decided once. Events about a request the queue does not hold record nothing.
 */
function evolve(request: DisclosureRequest | undefined, event: CaseEvent): DisclosureRequest | undefined {
  switch (event.type) {
    case 'conference.disclosure.requested.v1': {
      // A request already queued is kept as it is: a redelivery changes nothing.
      if (request) return request;
      const { requestRef, caseRef, concernRef, requestedBy, reason, proposedAudience } = event.data;
      return {
        _id: requestRef, caseRef, concernRef, requestedBy, reason, proposedAudience, requestedAt: new Date(event.occurredat), receivedEventId: event.id,
        status: 'pending', decided: false, eventIds: [],
      };
    }
    case 'health.disclosure.requested.v1':
      return request && { ...request, acknowledgedEventId: event.id };
    case 'health.disclosure.decided.v1':
      // The first decision stands.
      if (!request || request.decided) return request;
      return {
        ...request, status: event.data.decision, decided: true,
        decision: {
          reason: event.data.reason, decidedBy: event.data.decidedBy, decidedAt: new Date(event.occurredat), eventId: event.id,
          ...(event.audience ? { audience: event.audience } : {}),
          ...(event.data.legalGateway ? { legalGateway: event.data.legalGateway } : {}),
        },
      };
    default:
      return request;
  }
}

export const disclosureRecords: RecordFold<DisclosureRequest> = { refOf, evolve };
