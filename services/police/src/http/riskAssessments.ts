import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { commandBase, newRecordRef, RecordedView, recordedView, sharingRule } from '@convene/shared/agency';
import { RiskGrade, ShareableText } from '@convene/shared/contracts';
import { DashAnswers, gradeDash, SdashAnswers } from '../domain/dash.js';
import type { PoliceDeps } from './deps.js';

/** A DASH is either completed (all 27 answers) or declined by the victim, which is recorded as such. */
const AssessmentInput = z.object({
  ...commandBase,
  declined: z.boolean(),
  answers: DashAnswers.optional(),
  sdashAnswers: SdashAnswers.optional(),
  professionalJudgement: z.object({ grade: RiskGrade, rationale: ShareableText }).optional(),
  victimOwnView: RiskGrade.optional(),
}).superRefine(sharingRule).superRefine((v, ctx) => {
  if (!v.declined && !v.answers) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'a completed DASH needs all 27 answers' });
  if (v.declined && v.answers) ctx.addIssue({ code: 'custom', path: ['answers'], message: 'a declined DASH has no answers' });
  if (v.answers?.stalking_or_harassment === 'yes' && !v.sdashAnswers) {
    ctx.addIssue({ code: 'custom', path: ['sdashAnswers'], message: 'the stalking question is ticked: the S-DASH questions must be answered' });
  }
  if (v.sdashAnswers && v.answers?.stalking_or_harassment !== 'yes') {
    ctx.addIssue({ code: 'custom', path: ['sdashAnswers'], message: 'S-DASH is answered only when the stalking question is ticked' });
  }
});

const AssessmentView = RecordedView.extend({
  grade: RiskGrade.nullable(), yesCount: z.int().nullable(), raisedByProfessionalJudgement: z.boolean(), declined: z.boolean(),
});

export function riskAssessmentRoutes({ kit }: PoliceDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/risk-assessments', operationId: 'recordRiskAssessment', tag: 'risk', permission: 'risk.write',
      summary: 'Record a DASH risk assessment (graded here) or the victim declining one', body: AssessmentInput, errors: [404],
      success: { status: 201, description: 'Recorded with its grade', schema: AssessmentView },
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
