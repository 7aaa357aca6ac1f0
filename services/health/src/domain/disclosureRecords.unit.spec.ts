import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import type { DisclosureRequest } from '../db/disclosures.js';
import { disclosureRecords } from './disclosureRecords.js';

const requestRef = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const caseRef = 'CNV-2026-000123';
const chair = { userId: 'chair-1', displayName: 'DI Khan' };
const guardian = { userId: 'cg-1', displayName: 'Dr Patel' };
const at = '2026-11-02T09:00:00.000Z';

/** Given these events, the queue entry they fold into (the store appends each event id as it writes). */
function given(events: CaseEvent[]): DisclosureRequest | undefined {
  return events.reduce<DisclosureRequest | undefined>((request, event) => {
    const next = disclosureRecords.evolve(request, event);
    return next && { ...next, eventIds: [...next.eventIds, event.id] };
  }, undefined);
}

const asked = () => createEvent('conference.disclosure.requested.v1', {
  occurredAt: at, sharing: 'partnership', subject: caseRef,
  data: { requestRef, caseRef, concernRef: 'CON-1', requestedBy: chair, reason: 'Risk to life', proposedAudience: [{ agency: 'police' }] },
});
const acknowledged = (ref = requestRef) => createEvent('health.disclosure.requested.v1', {
  occurredAt: at, sharing: 'partnership', subject: caseRef, data: { requestRef: ref, concernRef: 'CON-1', caseRef, requestedBy: chair },
});
const disclosed = (ref = requestRef) => createEvent('health.disclosure.decided.v1', {
  occurredAt: at, sharing: 'restricted', audience: [{ agency: 'police' }], subject: caseRef,
  data: { requestRef: ref, concernRef: 'CON-1', caseRef, decision: 'disclosed', reason: 'Risk to life', decidedBy: guardian, detail: 'Bruising', legalGateway: 'overriding_public_interest' },
});
const refused = () => createEvent('health.disclosure.decided.v1', {
  occurredAt: at, sharing: 'partnership', subject: caseRef,
  data: { requestRef, concernRef: 'CON-1', caseRef, decision: 'refused', reason: 'Not necessary', decidedBy: guardian },
});

describe('the Caldicott queue, folded', () => {
  it('queues a conference\'s request as pending, once', () => {
    const request = asked();
    expect(disclosureRecords.refOf(request)).toBe(requestRef);
    const queued = given([request]);
    expect(queued).toEqual({
      _id: requestRef, caseRef, concernRef: 'CON-1', requestedBy: chair, reason: 'Risk to life', proposedAudience: [{ agency: 'police' }],
      requestedAt: new Date(at), receivedEventId: request.id, status: 'pending', decided: false, eventIds: [request.id],
    });
    expect(disclosureRecords.evolve(queued, asked())).toBe(queued);
  });

  it('takes the acknowledgement and the decision, with who may read what was disclosed', () => {
    const request = asked();
    const ack = acknowledged();
    const decision = disclosed();
    expect(given([request, ack, decision])).toMatchObject({
      acknowledgedEventId: ack.id, status: 'disclosed', decided: true,
      decision: { reason: 'Risk to life', decidedBy: guardian, decidedAt: new Date(at), audience: [{ agency: 'police' }], legalGateway: 'overriding_public_interest', eventId: decision.id },
      eventIds: [request.id, ack.id, decision.id],
    });
  });

  it('lets the first decision stand', () => {
    const decided = given([asked(), refused()]);
    expect(decided?.decision).not.toHaveProperty('audience');
    expect(decided?.decision).not.toHaveProperty('legalGateway');
    expect(disclosureRecords.evolve(decided, disclosed())).toBe(decided);
  });

  it('records nothing about a request it does not hold', () => {
    expect(disclosureRecords.evolve(undefined, acknowledged())).toBeUndefined();
    expect(disclosureRecords.evolve(undefined, disclosed())).toBeUndefined();
  });
});
