import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { notFound } from '@convene/shared/errors';
import { DEFAULT_HISTORY_WINDOW_MONTHS, HistoryRequestCommand, HistoryRequestCreated, HistoryWindowMonths, LawfulBasisForCheck, StaffMember, type Subject } from '@convene/shared/contracts';
import { decideHistoryRequest } from '../domain/historyRequest.js';
import type { CpsDeps } from './deps.js';

const HistoryRequestView = z.object({
  requestRef: z.uuid(), requestedAt: z.string(), urn: z.string().optional(), caseRef: z.string().optional(),
  suspectTokens: z.array(z.string()), victimTokens: z.array(z.string()),
  lawfulBasis: LawfulBasisForCheck, purpose: z.string(), requestedBy: StaffMember, eventIds: z.array(z.string()),
});
type StoredRequest = Omit<z.infer<typeof HistoryRequestView>, 'requestedAt' | 'eventIds' | 'victimTokens'> & { victimTokens?: string[] };

/** The request as this partnership takes it: its document states the agreed maximum window, not the contract's. */
function requestWithin(windowMaxMonths: number) {
  return HistoryRequestCommand.extend({
    windowMonths: HistoryWindowMonths.max(windowMaxMonths, `this partnership's agreement allows a history window of at most ${windowMaxMonths} months`).optional()
      .describe(`How many months back agencies look (default ${DEFAULT_HISTORY_WINDOW_MONTHS}; at most ${windowMaxMonths}, this partnership's agreement)`),
  });
}

/** CPS history checks: the request leaves at once; the conference turns it into a check agencies answer. */
export function historyRequestRoutes({ kit, records, historyWindowMaxMonths }: CpsDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/history-requests', operationId: 'requestHistoryCheck', tag: 'history', permission: 'history.write',
      summary: 'Ask for a history check on suspects of a CPS case file, with the lawful basis, purpose and how far back to look', body: requestWithin(historyWindowMaxMonths), errors: [400, 403, 404],
      success: { status: 201, description: 'Requested and sent to the conference', schema: HistoryRequestCreated },
      handler: async ({ body, principal }) => {
        const suspects = [];
        for (const personId of body.suspects) suspects.push((await kit.people.get(personId)).tokens);
        const listing = body.caseRef ? await kit.listings.byRef(body.caseRef) : undefined;
        // Random, not a counter: a reference says nothing about how many checks there are or whose they are.
        const requestRef = randomUUID();
        const [requested] = decideHistoryRequest(
          { requestRef, request: body, requestedBy: { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) } },
          { suspects, caseFile: await records.caseFile(body.urn), namedCase: listing ?? undefined, windowMaxMonths: historyWindowMaxMonths },
        );
        const recorded = await kit.recorder.record({
          ...requested!, occurredAt: new Date(), sharing: 'partnership', alwaysPublish: true,
          subjects: suspects.map((tokens): Subject => ({ role: 'suspect', tokens })),
          ...(body.caseRef ? { subject: body.caseRef } : {}),
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
