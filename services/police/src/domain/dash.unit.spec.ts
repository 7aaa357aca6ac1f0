import { describe, expect, it } from 'vitest';
import { DASH_QUESTIONS, SDASH_QUESTIONS } from '@convene/shared/contracts';
import { gradeDash, type DashAnswers, type SdashAnswers } from './dash.js';

function answers(yes: number, overrides: Partial<DashAnswers> = {}): DashAnswers {
  const all = Object.fromEntries(DASH_QUESTIONS.map((q, i) => [q, i < yes ? 'yes' : i % 2 ? 'no' : 'not_known'])) as DashAnswers;
  return { ...all, ...overrides };
}

const sdashAll = (yes: number) => Object.fromEntries(SDASH_QUESTIONS.map((q, i) => [q, i < yes ? 'yes' : 'no'])) as SdashAnswers;

describe('DASH grading', () => {
  it('has the 27 checklist questions and 11 S-DASH questions', () => {
    expect(DASH_QUESTIONS).toHaveLength(27);
    expect(new Set(DASH_QUESTIONS).size).toBe(27);
    expect(SDASH_QUESTIONS).toHaveLength(11);
  });

  it('grades 14 or more ticks high, 10-13 medium, fewer standard; not-known is not a tick', () => {
    expect(gradeDash(answers(14)).grade).toBe('high');
    expect(gradeDash(answers(27)).grade).toBe('high');
    expect(gradeDash(answers(13)).grade).toBe('medium');
    expect(gradeDash(answers(10)).grade).toBe('medium');
    expect(gradeDash(answers(9)).grade).toBe('standard');
    expect(gradeDash(answers(0)).yesCount).toBe(0);
  });

  it('lets professional judgement raise the grade but never lower it', () => {
    const raised = gradeDash(answers(3), 'high');
    expect(raised).toMatchObject({ grade: 'high', gradeByTicks: 'standard', raisedByProfessionalJudgement: true });
    const notLowered = gradeDash(answers(15), 'standard');
    expect(notLowered).toMatchObject({ grade: 'high', raisedByProfessionalJudgement: false });
    expect(gradeDash(answers(11), 'medium')).toMatchObject({ grade: 'medium', raisedByProfessionalJudgement: false });
  });

  it('counts S-DASH answers only when the stalking question is ticked', () => {
    const ticked = answers(2, { stalking_or_harassment: 'yes' });
    expect(gradeDash(ticked, undefined, sdashAll(6))).toMatchObject({ stalkingQuestionTicked: true, sdashYesCount: 6 });
    const notTicked = answers(2, { stalking_or_harassment: 'no' });
    expect(gradeDash(notTicked, undefined, sdashAll(6))).toMatchObject({ stalkingQuestionTicked: false, sdashYesCount: null });
  });
});
