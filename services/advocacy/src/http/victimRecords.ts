import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { recordedView } from '@convene/shared/agency';
import { HouseholdCommand, SafeContactCommand, SafetyPlanCommand, VictimViewCommand, type AudienceEntry, type Sharing, type SubjectRef } from '@convene/shared/contracts';
import { contactAudience } from '../domain/consent.js';
import { decideEngagement, type EngagementCommand } from '../domain/engagement.js';
import { ConsentedView, engagementState, sharingWithConsent, victimTokensOf } from './consented.js';
import type { AdvocacyDeps } from './deps.js';

/** The victim's own view of risk and wishes, her safety plan, household and safe contact: all belong to an engagement. */
export function victimRecordRoutes(deps: AdvocacyDeps): RouteSpec[] {
  const { kit, records } = deps;

  /**
   * Load the engagement, decide the record on it (about the victim the body names), and record it with the sharing
   * her consent allows: the one shape of every record that belongs to an engagement.
   */
  async function recordOnEngagement(
    body: { engagementRef: string; subjects: SubjectRef[]; occurredAt: string; sharing: Sharing; audience?: AudienceEntry[] | undefined },
    command: (victimTokens: string[]) => EngagementCommand,
  ) {
    const engagement = await records.get(body.engagementRef, 'engagement');
    const subjects = await kit.people.subjectsOf(body.subjects);
    const [decided] = decideEngagement(command(victimTokensOf(subjects)), engagementState(engagement));
    const sharing = await sharingWithConsent(deps, { ...decided!, subjects }, body);
    const recorded = await kit.recorder.record({ ...decided!, occurredAt: body.occurredAt, subjects, ...sharing });
    return { ...recordedView(engagement._id, recorded), ...sharing };
  }

  return [
    defineRoute({
      method: 'post', path: '/victim-views', operationId: 'recordVictimView', tag: 'victim', permission: 'victim_records.write',
      summary: 'Record the victim\'s own view of their risk, their wishes and fears', body: VictimViewCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is listed and consents (ref is the engagement)', schema: ConsentedView },
      handler: async ({ body }) => recordOnEngagement(body, (victimTokens) => ({
        kind: 'record_view', victimTokens, view: { ownViewOfRisk: body.ownViewOfRisk, wishes: body.wishes, ...(body.fears ? { fears: body.fears } : {}) },
      })),
    }),
    defineRoute({
      method: 'post', path: '/safety-plans', operationId: 'updateSafetyPlan', tag: 'victim', permission: 'victim_records.write',
      summary: 'Record the victim\'s safety plan as it now stands', body: SafetyPlanCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is listed and consents (ref is the engagement)', schema: ConsentedView },
      handler: async ({ body }) => recordOnEngagement(body, (victimTokens) => ({
        kind: 'update_safety_plan', victimTokens, plan: { measures: body.measures, ...(body.reviewOn ? { reviewOn: body.reviewOn } : {}) },
      })),
    }),
    defineRoute({
      method: 'post', path: '/households', operationId: 'recordHousehold', tag: 'victim', permission: 'victim_records.write',
      summary: 'Record who lives with the victim: children\'s ages and other adults as counts (never names), and whether a safeguarding referral was made', body: HouseholdCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is listed and consents (ref is the engagement)', schema: ConsentedView },
      handler: async ({ body }) => {
        const { childrenAges, otherAdults, safeguardingReferralMade, safeguardingReferralOn } = body;
        return recordOnEngagement(body, (victimTokens) => ({
          kind: 'record_household', victimTokens,
          household: { childrenAges, otherAdults, safeguardingReferralMade, ...(safeguardingReferralOn ? { safeguardingReferralOn } : {}) },
        }));
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
