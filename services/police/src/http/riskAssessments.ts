import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { newRecordRef, recordedView } from '@convene/shared/agency';
import { RiskAssessmentCommand, RiskAssessmentRecorded } from '@convene/shared/contracts';
import { decideAssessment } from '../domain/assessment.js';
import type { PoliceDeps } from './deps.js';

export function riskAssessmentRoutes({ kit }: PoliceDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/risk-assessments', operationId: 'recordRiskAssessment', tag: 'risk', permission: 'risk.write',
      summary: 'Record a DASH risk assessment (graded here) or the victim declining one', body: RiskAssessmentCommand, errors: [404],
      success: { status: 201, description: 'Recorded with its grade', schema: RiskAssessmentRecorded },
      handler: async ({ body }) => {
        const ref = newRecordRef('DASH');
        const [assessed] = decideAssessment({ assessmentRef: ref, assessment: body }, undefined);
        const recorded = await kit.recorder.record({
          ...assessed!, occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
          subjects: await kit.people.subjectsOf(body.subjects),
        });
        const { grade, yesCount, raisedByProfessionalJudgement, outcome } = assessed!.data;
        return { ...recordedView(ref, recorded), grade, yesCount, raisedByProfessionalJudgement, declined: outcome === 'declined' };
      },
    }),
  ];
}
