import type { AgencyKit } from '@convene/shared/agency';
import type { CaseEvent } from '@convene/shared/contracts';
import type { HealthRecords } from '../db/records.js';

/**
 * The conference's disclosure requests, as the health service takes them: queued for the Caldicott guardian
 * and acknowledged on the bus with health.disclosure.requested. Redelivery changes nothing: the queue is keyed
 * by request reference, and the acknowledgement is recorded only while the entry has none.
 */
export function disclosureRequestHandler(getKit: () => AgencyKit, records: HealthRecords): (event: CaseEvent) => Promise<void> {
  return async (event) => {
    if (event.type !== 'conference.disclosure.requested.v1') return;
    const request = await records.disclosures.receive(event);
    if (request.acknowledgedEventId) return;
    const concern = await records.concerns.find(request.concernRef);
    await getKit().recorder.record({
      type: 'health.disclosure.requested.v1', occurredAt: new Date(), sharing: 'partnership', alwaysPublish: true, subject: request.caseRef,
      subjects: concern?.subjects ?? [],
      data: { requestRef: request._id, concernRef: request.concernRef, caseRef: request.caseRef, requestedBy: request.requestedBy },
    });
  };
}
