import { z } from 'zod';
import { DASH_QUESTIONS, DashAnswer, RiskGrade, SDASH_QUESTIONS } from '@convene/shared/contracts';

export const DashAnswers = z.object(Object.fromEntries(DASH_QUESTIONS.map((q) => [q, DashAnswer])) as Record<(typeof DASH_QUESTIONS)[number], typeof DashAnswer>).strict();
export type DashAnswers = z.infer<typeof DashAnswers>;
export const SdashAnswers = z.object(Object.fromEntries(SDASH_QUESTIONS.map((q) => [q, DashAnswer])) as Record<(typeof SDASH_QUESTIONS)[number], typeof DashAnswer>).strict();
export type SdashAnswers = z.infer<typeof SdashAnswers>;

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
