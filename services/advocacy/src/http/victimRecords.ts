import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { recordedView } from '@convene/shared/agency';
import { SafetyPlanCommand, VictimViewCommand } from '@convene/shared/contracts';
import { decideEngagement } from '../domain/engagement.js';
import { ConsentedView, engagementState, sharingWithConsent, victimTokensOf } from './consented.js';
import type { AdvocacyDeps } from './deps.js';

/** The victim's own view of risk and wishes, and their safety plan: both belong to an engagement. */
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
  ];
}
