import type { z } from 'zod';
import { defineRoute, type RouteSpec } from '../http/index.js';
import { newRecordRef, RecordedView, recordedView } from '../agency/commandInput.js';
import { referralCommand, type ReferralCriterion } from '../contracts/index.js';
import type { AgencyKit } from '../agency/kit.js';

/**
 * Refer people to the conference. The referral is the one event that carries names and dates of birth:
 * the conference needs them to list the case for the people at the meeting.
 */
export function referralRoutes(kit: AgencyKit, criteria: readonly z.infer<typeof ReferralCriterion>[]): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/referrals', operationId: 'referToConference', tag: 'referrals', permission: 'referrals.write',
      summary: 'Refer a case to the multi-agency conference', errors: [404],
      body: referralCommand(criteria),
      success: { status: 201, description: 'Referral sent to the conference', schema: RecordedView },
      handler: async ({ body, principal }) => {
        const ref = newRecordRef('REF');
        const people = [];
        for (const s of body.subjects) {
          const person = await kit.people.get(s.personId);
          people.push({ role: s.role, tokens: person.tokens, given: person.given, family: person.family, dateOfBirth: person.dateOfBirth });
        }
        const recorded = await kit.recorder.record({
          type: `${kit.agency as 'police'}.referral.made.v1`, occurredAt: new Date(), sharing: 'partnership', alwaysPublish: true, attachOpenCase: false,
          subjects: people.map((p) => ({ role: p.role, tokens: p.tokens })),
          // To the referrer's own area's conference (without an area claim, the conference places it in its first).
          data: { referralRef: ref, criterion: body.criterion, reason: body.reason, people, ...(principal.area ? { area: principal.area } : {}) },
        });
        return recordedView(ref, recorded);
      },
    }),
  ];
}
