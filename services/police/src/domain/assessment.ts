import type { EventDraft, RiskAssessmentCommand } from '@convene/shared/contracts';
import { conflict } from '@convene/shared/errors';
import type { z } from 'zod';
import { gradeDash } from './dash.js';

/** The DASH as the officer completed it (or the victim declined it), less where it is recorded and with whom shared. */
export type Assessment = Pick<z.infer<typeof RiskAssessmentCommand>, 'declined' | 'answers' | 'sdashAnswers' | 'professionalJudgement' | 'victimOwnView'>;

export interface AssessCommand {
  assessmentRef: string;
  assessment: Assessment;
}

export type AssessmentDecision = EventDraft<'police.risk.assessed.v1'>;

/**
 * Record a risk assessment once, graded here: the ticks give the grade, professional judgement may raise it (never
 * lower it), and a declined DASH is recorded as declined with no grade, never as standard risk. Pure; an
 * assessment is never changed after, so the only state is whether it is recorded already.
 */
export function decideAssessment(command: AssessCommand, existing: { assessmentRef: string } | undefined): AssessmentDecision[] {
  if (existing) throw conflict('assessment_exists', `assessment ${existing.assessmentRef} is already recorded`);
  const { declined, answers, sdashAnswers, professionalJudgement, victimOwnView } = command.assessment;
  const outcome = !declined && answers ? gradeDash(answers, professionalJudgement?.grade, sdashAnswers) : undefined;
  return [{
    type: 'police.risk.assessed.v1',
    data: {
      assessmentRef: command.assessmentRef,
      tool: 'DASH',
      outcome: outcome ? 'completed' : 'declined',
      grade: outcome?.grade ?? null,
      yesCount: outcome?.yesCount ?? null,
      raisedByProfessionalJudgement: outcome?.raisedByProfessionalJudgement ?? false,
      stalkingQuestionTicked: outcome?.stalkingQuestionTicked ?? false,
      sdashYesCount: outcome?.sdashYesCount ?? null,
      victimOwnView: victimOwnView ?? null,
    },
  }];
}
