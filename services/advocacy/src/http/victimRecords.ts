import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { recordedView } from '@convene/shared/agency';
import { SafetyPlanCommand, VictimViewCommand } from '@convene/shared/contracts';
import { assertSameVictim, ConsentedView, sharingWithConsent } from './consented.js';
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
        assertSameVictim(engagement, subjects);
        const data = { engagementRef: engagement._id, ownViewOfRisk: body.ownViewOfRisk, wishes: body.wishes, ...(body.fears ? { fears: body.fears } : {}) };
        const sharing = await sharingWithConsent(deps, { type: 'advocacy.victim.view.recorded.v1', subjects, data }, body);
        const recorded = await kit.recorder.record({ type: 'advocacy.victim.view.recorded.v1', occurredAt: body.occurredAt, subjects, data, ...sharing });
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
        assertSameVictim(engagement, subjects);
        const data = { engagementRef: engagement._id, measures: body.measures, ...(body.reviewOn ? { reviewOn: body.reviewOn } : {}) };
        const sharing = await sharingWithConsent(deps, { type: 'advocacy.safety_plan.updated.v1', subjects, data }, body);
        const recorded = await kit.recorder.record({ type: 'advocacy.safety_plan.updated.v1', occurredAt: body.occurredAt, subjects, data, ...sharing });
        return { ...recordedView(engagement._id, recorded), ...sharing };
      },
    }),
  ];
}
