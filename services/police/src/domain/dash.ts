import type { DashAnswers, RiskGrade, SdashAnswers } from '@convene/shared/contracts';

// The answers are the request's (contracts' RiskAssessmentCommand), which the web UI types its form with.
export type { DashAnswers, SdashAnswers };

/** 14 or more ticks is high risk (the MARAC referral threshold); 10–13 medium; fewer standard. */
export const HIGH_RISK_TICKS = 14;
export const MEDIUM_RISK_TICKS = 10;

const ORDER: Record<RiskGrade, number> = { standard: 0, medium: 1, high: 2 };

export function higherGrade(a: RiskGrade, b: RiskGrade): RiskGrade {
  return ORDER[a] >= ORDER[b] ? a : b;
}

export function isHigher(a: RiskGrade, than: RiskGrade): boolean {
  return ORDER[a] > ORDER[than];
}

export interface DashOutcome {
  grade: RiskGrade;
  yesCount: number;
  gradeByTicks: RiskGrade;
  raisedByProfessionalJudgement: boolean;
  stalkingQuestionTicked: boolean;
  sdashYesCount: number | null;
}

const yesCount = (answers: Record<string, 'yes' | 'no' | 'not_known'>) => Object.values(answers).filter((a) => a === 'yes').length;

/**
 * Grade a completed DASH. Professional judgement may raise the grade, never lower it: a judgement below
 * the grade the ticks give leaves the ticks' grade in place.
 */
export function gradeDash(answers: DashAnswers, professionalJudgement?: RiskGrade, sdash?: SdashAnswers): DashOutcome {
  const ticks = yesCount(answers);
  const gradeByTicks: RiskGrade = ticks >= HIGH_RISK_TICKS ? 'high' : ticks >= MEDIUM_RISK_TICKS ? 'medium' : 'standard';
  const grade = professionalJudgement ? higherGrade(gradeByTicks, professionalJudgement) : gradeByTicks;
  const stalkingQuestionTicked = answers.stalking_or_harassment === 'yes';
  return {
    grade,
    yesCount: ticks,
    gradeByTicks,
    raisedByProfessionalJudgement: isHigher(grade, gradeByTicks),
    stalkingQuestionTicked,
    sdashYesCount: stalkingQuestionTicked && sdash ? yesCount(sdash) : null,
  };
}
