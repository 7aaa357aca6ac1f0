import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { CaseRef, LawfulBasisForCheck, ShareableText, StaffMember, type Subject } from '@convene/shared/contracts';
import { suspectTokensFor } from '../domain/historyRequest.js';
import type { CpsDeps } from './deps.js';

/** A lawyer names the case, the suspects (by local person id), or both. */
const HistoryRequestInput = z.object({
  caseRef: CaseRef.optional(),
  suspects: z.array(z.uuid()).min(1).max(8).optional(),
  lawfulBasis: LawfulBasisForCheck,
  purpose: ShareableText,
}).superRefine((v, ctx) => {
  if (!v.caseRef && !v.suspects) ctx.addIssue({ code: 'custom', path: ['suspects'], message: 'a history request names a case reference or at least one suspect' });
});

const HistoryRequestCreated = z.object({ requestRef: z.uuid(), eventId: z.uuid(), caseRef: z.string().optional(), published: z.boolean() });

const HistoryRequestView = z.object({
  requestRef: z.uuid(), requestedAt: z.string(), caseRef: z.string().optional(), suspectTokens: z.array(z.string()),
  lawfulBasis: LawfulBasisForCheck, purpose: z.string(), requestedBy: StaffMember, eventIds: z.array(z.string()),
});

/** CPS history checks: the request leaves at once; the conference turns it into a check agencies answer. */
export function historyRequestRoutes({ kit, records }: CpsDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/history-requests', operationId: 'requestHistoryCheck', tag: 'history', permission: 'history.write',
      summary: 'Ask for a history check on a case or suspects, with the lawful basis and purpose', body: HistoryRequestInput, errors: [404],
      success: { status: 201, description: 'Requested and sent to the conference', schema: HistoryRequestCreated },
      handler: async ({ body, principal }) => {
        const suspects = [];
        for (const personId of body.suspects ?? []) suspects.push((await kit.people.get(personId)).tokens);
        const suspectTokens = suspectTokensFor(suspects);
        const subjects: Subject[] = suspects.map((tokens) => ({ role: 'suspect', tokens }));
        const requestRef = randomUUID();
        const recorded = await kit.recorder.record({
          type: 'cps.history.requested.v1', occurredAt: new Date(), sharing: 'partnership', alwaysPublish: true, subjects,
          ...(body.caseRef ? { subject: body.caseRef } : {}),
          data: {
            requestRef, suspectTokens, lawfulBasis: body.lawfulBasis, purpose: body.purpose,
            ...(body.caseRef ? { caseRef: body.caseRef } : {}),
            requestedBy: { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) },
          },
        });
        return { requestRef, eventId: recorded.event.id, ...(recorded.caseRef ? { caseRef: recorded.caseRef } : {}), published: recorded.published };
      },
    }),
    defineRoute({
      method: 'get', path: '/history-requests/:requestRef', operationId: 'getHistoryRequest', tag: 'history', permission: 'history.read',
      summary: 'What a history request asked for', params: z.object({ requestRef: z.uuid() }), errors: [404],
      success: { status: 200, description: 'The history request', schema: HistoryRequestView },
      handler: async ({ params }) => {
        const record = await records.get(params.requestRef, 'history_request');
        const d = record.detail as Omit<z.infer<typeof HistoryRequestView>, 'requestedAt' | 'eventIds'>;
        return {
          requestRef: record._id, requestedAt: record.occurredAt.toISOString(), ...(d.caseRef ? { caseRef: d.caseRef } : {}),
          suspectTokens: d.suspectTokens, lawfulBasis: d.lawfulBasis, purpose: d.purpose, requestedBy: d.requestedBy, eventIds: record.eventIds,
        };
      },
    }),
  ];
}
