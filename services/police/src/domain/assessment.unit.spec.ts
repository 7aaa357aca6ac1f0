import { describe, expect, it } from 'vitest';
import { DASH_QUESTIONS, SDASH_QUESTIONS } from '@convene/shared/contracts';
import { decideAssessment, type Assessment } from './assessment.js';
import type { DashAnswers, SdashAnswers } from './dash.js';

const answers = (yes: number, overrides: Partial<DashAnswers> = {}) =>
  ({ ...Object.fromEntries(DASH_QUESTIONS.map((q, i) => [q, i < yes ? 'yes' : 'no'])), ...overrides }) as DashAnswers;
const sdash = (yes: number) => Object.fromEntries(SDASH_QUESTIONS.map((q, i) => [q, i < yes ? 'yes' : 'no'])) as SdashAnswers;

// Given no assessment under this reference (or one), when the officer records this DASH, then this event (or a refusal).
const when = (assessment: Assessment, existing?: { assessmentRef: string }) => () => decideAssessment({ assessmentRef: 'DASH-1', assessment }, existing);

describe('the risk assessment decider', () => {
  it('records a completed DASH with the grade its ticks give', () => {
    expect(when({ declined: false, answers: answers(16, { stalking_or_harassment: 'no' }) })()).toEqual([{
      type: 'police.risk.assessed.v1',
      data: {
        assessmentRef: 'DASH-1', tool: 'DASH', outcome: 'completed', grade: 'high', yesCount: 15, raisedByProfessionalJudgement: false,
        stalkingQuestionTicked: false, sdashYesCount: null, victimOwnView: null,
      },
    }]);
  });

  it('lets professional judgement raise the grade, and counts S-DASH when the stalking question is ticked', () => {
    const [assessed] = when({
      declined: false, answers: answers(3, { stalking_or_harassment: 'yes' }), sdashAnswers: sdash(6),
      professionalJudgement: { grade: 'high', rationale: 'Fixated; escalating since the order expired' }, victimOwnView: 'high',
    })();
    expect(assessed!.data).toMatchObject({ grade: 'high', raisedByProfessionalJudgement: true, stalkingQuestionTicked: true, sdashYesCount: 6, victimOwnView: 'high' });
  });

  it('records a declined DASH as declined with no grade, never as standard risk', () => {
    expect(when({ declined: true, victimOwnView: 'medium' })()[0]!.data).toMatchObject({ outcome: 'declined', grade: null, yesCount: null, victimOwnView: 'medium' });
  });

  it('records an assessment once', () => {
    expect(when({ declined: true }, { assessmentRef: 'DASH-1' })).toThrow(expect.objectContaining({ code: 'assessment_exists', status: 409 }));
  });
});
