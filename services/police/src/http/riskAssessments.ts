import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { newRecordRef, recordedView } from '@convene/shared/agency';
import { RiskAssessmentCommand, RiskAssessmentRecorded } from '@convene/shared/contracts';
import { gradeDash } from '../domain/dash.js';
import type { PoliceDeps } from './deps.js';

export function riskAssessmentRoutes({ kit }: PoliceDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/risk-assessments', operationId: 'recordRiskAssessment', tag: 'risk', permission: 'risk.write',
      summary: 'Record a DASH risk assessment (graded here) or the victim declining one', body: RiskAssessmentCommand, errors: [404],
      success: { status: 201, description: 'Recorded with its grade', schema: RiskAssessmentRecorded },
      handler: async ({ body }) => {
        const ref = newRecordRef('DASH');
        const outcome = body.answers ? gradeDash(body.answers, body.professionalJudgement?.grade, body.sdashAnswers) : undefined;
        const recorded = await kit.recorder.record({
          type: 'police.risk.assessed.v1', occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
          subjects: await kit.people.subjectsOf(body.subjects),
          data: {
            assessmentRef: ref,
            tool: 'DASH',
            outcome: body.declined ? 'declined' : 'completed',
            grade: outcome?.grade ?? null,
            yesCount: outcome?.yesCount ?? null,
            raisedByProfessionalJudgement: outcome?.raisedByProfessionalJudgement ?? false,
            stalkingQuestionTicked: outcome?.stalkingQuestionTicked ?? false,
            sdashYesCount: outcome?.sdashYesCount ?? null,
            victimOwnView: body.victimOwnView ?? null,
          },
        });
        return {
          ...recordedView(ref, recorded),
          grade: outcome?.grade ?? null, yesCount: outcome?.yesCount ?? null,
          raisedByProfessionalJudgement: outcome?.raisedByProfessionalJudgement ?? false, declined: body.declined,
        };
      },
    }),
  ];
}
