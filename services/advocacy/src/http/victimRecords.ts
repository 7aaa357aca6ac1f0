import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { recordedView } from '@convene/shared/agency';
import { HouseholdCommand, SafeContactCommand, SafetyPlanCommand, VictimViewCommand } from '@convene/shared/contracts';
import { contactAudience } from '../domain/consent.js';
import { decideEngagement } from '../domain/engagement.js';
import { ConsentedView, engagementState, sharingWithConsent, victimTokensOf } from './consented.js';
import type { AdvocacyDeps } from './deps.js';

/** The victim's own view of risk and wishes, her safety plan, household and safe contact: all belong to an engagement. */
export function victimRecordRoutes(deps: AdvocacyDeps): RouteSpec[] {
  const { kit, records } = deps;
  return [
    defineRoute({
      method: 'post', path: '/victim-views', operationId: 'recordVictimView', tag: 'victim', permission: 'victim_records.write',
      summary: 'Record the victim\'s own view of their risk, their wishes and fears', body: VictimViewCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is listed and consents (ref is the engagement)', schema: ConsentedView },
      handler: async ({ body }) => {
        const engagement = await records.get(body.engagementRef, 'engagement');
        const subjects = await kit.people.subjectsOf(body.subjects);
        const [viewed] = decideEngagement({
          kind: 'record_view', victimTokens: victimTokensOf(subjects), view: { ownViewOfRisk: body.ownViewOfRisk, wishes: body.wishes, ...(body.fears ? { fears: body.fears } : {}) },
        }, engagementState(engagement));
        const sharing = await sharingWithConsent(deps, { ...viewed!, subjects }, body);
        const recorded = await kit.recorder.record({ ...viewed!, occurredAt: body.occurredAt, subjects, ...sharing });
        return { ...recordedView(engagement._id, recorded), ...sharing };
      },
    }),
    defineRoute({
      method: 'post', path: '/safety-plans', operationId: 'updateSafetyPlan', tag: 'victim', permission: 'victim_records.write',
      summary: 'Record the victim\'s safety plan as it now stands', body: SafetyPlanCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is listed and consents (ref is the engagement)', schema: ConsentedView },
      handler: async ({ body }) => {
        const engagement = await records.get(body.engagementRef, 'engagement');
        const subjects = await kit.people.subjectsOf(body.subjects);
        const [updated] = decideEngagement({
          kind: 'update_safety_plan', victimTokens: victimTokensOf(subjects), plan: { measures: body.measures, ...(body.reviewOn ? { reviewOn: body.reviewOn } : {}) },
        }, engagementState(engagement));
        const sharing = await sharingWithConsent(deps, { ...updated!, subjects }, body);
        const recorded = await kit.recorder.record({ ...updated!, occurredAt: body.occurredAt, subjects, ...sharing });
        return { ...recordedView(engagement._id, recorded), ...sharing };
      },
    }),
    defineRoute({
      method: 'post', path: '/households', operationId: 'recordHousehold', tag: 'victim', permission: 'victim_records.write',
      summary: 'Record who lives with the victim: children\'s ages and other adults as counts (never names), and whether a safeguarding referral was made', body: HouseholdCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is listed and consents (ref is the engagement)', schema: ConsentedView },
      handler: async ({ body }) => {
        const engagement = await records.get(body.engagementRef, 'engagement');
        const subjects = await kit.people.subjectsOf(body.subjects);
        const { childrenAges, otherAdults, safeguardingReferralMade, safeguardingReferralOn } = body;
        const [household] = decideEngagement({
          kind: 'record_household', victimTokens: victimTokensOf(subjects),
          household: { childrenAges, otherAdults, safeguardingReferralMade, ...(safeguardingReferralOn ? { safeguardingReferralOn } : {}) },
        }, engagementState(engagement));
        const sharing = await sharingWithConsent(deps, { ...household!, subjects }, body);
        const recorded = await kit.recorder.record({ ...household!, occurredAt: body.occurredAt, subjects, ...sharing });
        return { ...recordedView(engagement._id, recorded), ...sharing };
      },
    }),
    defineRoute({
      method: 'post', path: '/safe-contacts', operationId: 'recordSafeContact', tag: 'victim', permission: 'victim_records.write',
      summary: 'Record how to contact the victim safely (safe times, a safe number, no post home), shown only to the agencies named as needing to contact her, within her consent', body: SafeContactCommand, errors: [404],
      success: { status: 201, description: 'Recorded, restricted to the contacting agencies her consent allows (none: kept in advocacy); published if she is listed', schema: ConsentedView },
      handler: async ({ body }) => {
        const engagement = await records.get(body.engagementRef, 'engagement');
        const subjects = await kit.people.subjectsOf(body.subjects);
        const { safeTimes, safeNumber, noPostHome, instructions } = body;
        const [contact] = decideEngagement({
          kind: 'record_safe_contact', victimTokens: victimTokensOf(subjects),
          contact: { safeTimes, noPostHome, ...(safeNumber ? { safeNumber } : {}), ...(instructions ? { instructions } : {}) },
        }, engagementState(engagement));
        const audience = contactAudience(await records.consents.rulingFor({ ...contact!, subjects }), body.contactingAgencies);
        // Never the partnership: restricted to who needs it, or, if her consent names none of them, kept here.
        const sharing = audience.length > 0 ? { sharing: 'restricted' as const, audience } : { sharing: 'agency' as const };
        const recorded = await kit.recorder.record({ ...contact!, occurredAt: body.occurredAt, subjects, ...sharing });
        return { ...recordedView(engagement._id, recorded), ...sharing };
      },
    }),
  ];
}
