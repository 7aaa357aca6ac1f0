import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { DomainError, notFound } from '@convene/shared/errors';
import { HistoryRequestCommand, HistoryRequestCreated, LawfulBasisForCheck, StaffMember, type Subject } from '@convene/shared/contracts';
import { caseFileVictims, suspectTokensFor } from '../domain/historyRequest.js';
import type { CpsDeps } from './deps.js';

const HistoryRequestView = z.object({
  requestRef: z.uuid(), requestedAt: z.string(), urn: z.string().optional(), caseRef: z.string().optional(),
  suspectTokens: z.array(z.string()), victimTokens: z.array(z.string()),
  lawfulBasis: LawfulBasisForCheck, purpose: z.string(), requestedBy: StaffMember, eventIds: z.array(z.string()),
});
type StoredRequest = Omit<z.infer<typeof HistoryRequestView>, 'requestedAt' | 'eventIds' | 'victimTokens'> & { victimTokens?: string[] };

/** CPS history checks: the request leaves at once; the conference turns it into a check agencies answer. */
export function historyRequestRoutes({ kit, records, historyWindowMaxMonths }: CpsDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/history-requests', operationId: 'requestHistoryCheck', tag: 'history', permission: 'history.write',
      summary: 'Ask for a history check on suspects of a CPS case file, with the lawful basis, purpose and how far back to look', body: HistoryRequestCommand, errors: [400, 403, 404],
      success: { status: 201, description: 'Requested and sent to the conference', schema: HistoryRequestCreated },
      handler: async ({ body, principal }) => {
        if (body.windowMonths !== undefined && body.windowMonths > historyWindowMaxMonths) {
          throw new DomainError('window_beyond_agreement', `this partnership's agreement allows a history window of at most ${historyWindowMaxMonths} months`, { status: 400, field: 'body.windowMonths' });
        }
        const suspects = [];
        for (const personId of body.suspects) suspects.push((await kit.people.get(personId)).tokens);
        const suspectTokens = suspectTokensFor(suspects);
        const victimTokens = caseFileVictims(body.urn, suspects, await records.caseFile(body.urn));
        // A conference case named here must be one CPS knows is listed about these suspects: an unknown reference
        // and a case about someone else get the same answer, so references cannot be probed.
        if (body.caseRef) {
          const listing = await kit.listings.byRef(body.caseRef);
          if (!listing?.open || !suspectTokens.some((t) => listing.tokens.includes(t))) {
            throw new DomainError('case_not_about_suspect', `${body.caseRef} is not an open conference case about this suspect`, { status: 403, field: 'body.caseRef' });
          }
        }
        const subjects: Subject[] = suspects.map((tokens) => ({ role: 'suspect', tokens }));
        // Random, not a counter: a reference says nothing about how many checks there are or whose they are.
        const requestRef = randomUUID();
        const recorded = await kit.recorder.record({
          type: 'cps.history.requested.v1', occurredAt: new Date(), sharing: 'partnership', alwaysPublish: true, subjects,
          ...(body.caseRef ? { subject: body.caseRef } : {}),
          data: {
            requestRef, urn: body.urn, suspectTokens, victimTokens, lawfulBasis: body.lawfulBasis, purpose: body.purpose,
            ...(body.caseRef ? { caseRef: body.caseRef } : {}), ...(body.windowMonths ? { windowMonths: body.windowMonths } : {}),
            ...(body.officerInCase ? { officerInCase: body.officerInCase } : {}),
            requestedBy: { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) },
          },
        });
        return { requestRef, eventId: recorded.event.id, urn: body.urn, ...(recorded.caseRef ? { caseRef: recorded.caseRef } : {}), published: recorded.published };
      },
    }),
    defineRoute({
      method: 'get', path: '/history-requests/:requestRef', operationId: 'getHistoryRequest', tag: 'history', permission: 'history.read',
      summary: 'What a history request asked for, for the lawyer who asked (anyone else: 404)', params: z.object({ requestRef: z.uuid() }), errors: [404],
      success: { status: 200, description: 'The history request', schema: HistoryRequestView },
      handler: async ({ params, principal }) => {
        const record = await records.get(params.requestRef, 'history_request');
        const d = record.detail as StoredRequest;
        // Someone else's request is answered exactly as one that does not exist, so references cannot be probed.
        if (d.requestedBy.userId !== principal.sub) throw notFound('history request', params.requestRef);
        return {
          requestRef: record._id, requestedAt: record.occurredAt.toISOString(), ...(d.urn ? { urn: d.urn } : {}), ...(d.caseRef ? { caseRef: d.caseRef } : {}),
          suspectTokens: d.suspectTokens, victimTokens: d.victimTokens ?? [], lawfulBasis: d.lawfulBasis, purpose: d.purpose, requestedBy: d.requestedBy, eventIds: record.eventIds,
        };
      },
    }),
  ];
}
