import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { newRecordRef, RecordedView, recordedView } from '@convene/shared/agency';
import { AudienceEntry, HouseholdFields, SafeContactFields, ConsentLevel, RevokeConsentCommand, EngagementCommand, PartnerAgency, RecordRef, RiskGrade, type CaseRef } from '@convene/shared/contracts';
import { decideEngagement } from '../domain/engagement.js';
import { ConsentedView, engagementState, sharingWithConsent } from './consented.js';
import type { AdvocacyDeps } from './deps.js';

const EngagementParams = z.object({ engagementRef: RecordRef });

const EngagementView = z.object({
  engagementRef: z.string(),
  status: z.enum(['active', 'revoked']),
  occurredAt: z.string(),
  consent: ConsentLevel,
  consentGivenOn: z.string(),
  limitedTo: z.array(PartnerAgency),
  revokedOn: z.string().optional(),
  latestView: z.object({ ownViewOfRisk: RiskGrade, wishes: z.string(), fears: z.string().optional(), occurredAt: z.string() }).optional(),
  safetyPlan: z.object({ measures: z.array(z.string()), reviewOn: z.string().optional(), occurredAt: z.string() }).optional(),
  household: HouseholdFields.extend({ occurredAt: z.string() }).optional(),
  safeContact: SafeContactFields.extend({ audience: z.array(AudienceEntry), occurredAt: z.string() }).optional(),
  eventIds: z.array(z.string()),
});

interface EngagementDetail {
  consent: z.infer<typeof ConsentLevel>;
  consentGivenOn: string;
  limitedTo?: z.infer<typeof PartnerAgency>[];
  revokedOn?: string;
  latestView?: { ownViewOfRisk: z.infer<typeof RiskGrade>; wishes: string; fears?: string; occurredAt: string };
  safetyPlan?: { measures: string[]; reviewOn?: string; occurredAt: string };
  household?: z.infer<typeof EngagementView>['household'] & { eventId?: string };
  safeContact?: z.infer<typeof EngagementView>['safeContact'] & { eventId?: string };
}

/** Engaging a victim records their consent to share; revoking it stops everything advocacy shares about them. */
export function engagementRoutes(deps: AdvocacyDeps): RouteSpec[] {
  const { kit, records } = deps;
  return [
    defineRoute({
      method: 'post', path: '/engagements', operationId: 'engageVictim', tag: 'engagements', permission: 'engagements.write',
      summary: 'Record engaging a victim and their consent to share (full, limited to named agencies, or none)', body: EngagementCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is on an open listing and consents', schema: ConsentedView },
      handler: async ({ body }) => {
        const ref = newRecordRef('ENG');
        const subjects = await kit.people.subjectsOf(body.subjects);
        const [engaged] = decideEngagement({
          kind: 'engage', engagement: {
            engagementRef: ref, consent: body.consent, consentGivenOn: body.consentGivenOn, ...(body.limitedTo ? { limitedTo: body.limitedTo } : {}), ...(body.advocate ? { advocate: body.advocate } : {}),
          },
        }, undefined);
        // Not alwaysPublish: the engagement is a record about the victim like any other. It streams only to a
        // listing and only under the consent it carries, so consent `none` is never announced to partners, and
        // an unlisted victim's contact with an ISAC is not broadcast. A listing learns the consent state from
        // this record (or, if it may not be shared, from the research return's consent_not_given entries).
        const sharing = await sharingWithConsent(deps, { ...engaged!, subjects }, body);
        const recorded = await kit.recorder.record({ ...engaged!, occurredAt: body.occurredAt, subjects, ...sharing });
        return { ...recordedView(ref, recorded), ...sharing };
      },
    }),
    defineRoute({
      method: 'post', path: '/engagements/:engagementRef/revoke', operationId: 'revokeConsent', tag: 'engagements', permission: 'consent.write',
      summary: 'Record the victim revoking consent: published to the victim\'s listed case (which withdraws what advocacy shared), and nothing more about them is shared', params: EngagementParams, errors: [404, 409],
      body: RevokeConsentCommand,
      success: { status: 201, description: 'Revocation recorded; published if the victim is listed', schema: RecordedView },
      handler: async ({ params, body }) => {
        const engagement = await records.get(params.engagementRef, 'engagement');
        const [revoked] = decideEngagement({ kind: 'revoke', revokedOn: body.revokedOn }, engagementState(engagement));
        // Published only to a listed case of this victim, so its meeting withdraws what advocacy shared; about a
        // victim who is not listed, partners hold nothing of advocacy's and are told nothing.
        const listing = await kit.listings.openFor(engagement.subjects);
        const recorded = await kit.recorder.record({
          ...revoked!, occurredAt: new Date(), sharing: 'partnership', subjects: engagement.subjects,
          // Past the consent withhold (which would hold back news of its own revocation) only when listed.
          ...(listing ? { subject: listing._id as CaseRef, alwaysPublish: true } : {}), attachOpenCase: false,
        });
        return recordedView(engagement._id, recorded);
      },
    }),
    defineRoute({
      method: 'get', path: '/engagements/:engagementRef', operationId: 'getEngagement', tag: 'engagements', permission: 'engagements.read',
      summary: 'One engagement: its consent, the victim\'s latest view and current safety plan', params: EngagementParams, errors: [404],
      success: { status: 200, description: 'The engagement', schema: EngagementView },
      handler: async ({ params }) => {
        const record = await records.get(params.engagementRef, 'engagement');
        const d = record.detail as unknown as EngagementDetail;
        return {
          engagementRef: record._id, status: record.status === 'revoked' ? 'revoked' : 'active', occurredAt: record.occurredAt.toISOString(),
          consent: d.consent, consentGivenOn: d.consentGivenOn, limitedTo: d.limitedTo ?? [],
          ...(d.revokedOn ? { revokedOn: d.revokedOn } : {}),
          ...(d.latestView ? { latestView: { ownViewOfRisk: d.latestView.ownViewOfRisk, wishes: d.latestView.wishes, ...(d.latestView.fears ? { fears: d.latestView.fears } : {}), occurredAt: d.latestView.occurredAt } } : {}),
          ...(d.safetyPlan ? { safetyPlan: { measures: d.safetyPlan.measures, ...(d.safetyPlan.reviewOn ? { reviewOn: d.safetyPlan.reviewOn } : {}), occurredAt: d.safetyPlan.occurredAt } } : {}),
          ...(d.household ? { household: withoutEventId(d.household) } : {}),
          ...(d.safeContact ? { safeContact: withoutEventId(d.safeContact) } : {}),
          eventIds: record.eventIds,
        };
      },
    }),
  ];
}

function withoutEventId<T extends { eventId?: string }>({ eventId: _, ...rest }: T): Omit<T, 'eventId'> {
  return rest;
}
