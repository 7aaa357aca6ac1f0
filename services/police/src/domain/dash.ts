import { z } from 'zod';
import { DashAnswer, RiskGrade } from '@convene/shared/contracts';

/**
 * The 27 questions of the DASH (2009) risk identification checklist, paraphrased as ids, in checklist
 * order. `stalking_or_harassment` is the question that opens the S-DASH stalking screen.
 */
export const DASH_QUESTIONS = [
  'injury', 'very_frightened', 'afraid_of_further_violence', 'isolated', 'depressed_or_suicidal', 'recent_separation',
  'child_contact_conflict', 'stalking_or_harassment', 'pregnant_or_new_baby', 'children_in_household', 'children_harmed',
  'threats_to_children', 'abuse_more_often', 'abuse_getting_worse', 'controlling_or_jealous', 'weapons_used', 'threats_to_kill',
  'strangulation', 'sexual_abuse', 'others_threatening', 'hurt_others', 'animal_cruelty', 'financial_issues',
  'substance_or_mental_health', 'suicide_threats', 'breached_orders', 'criminal_history',
] as const;

/** The 11 S-DASH stalking and harassment screening questions. */
export const SDASH_QUESTIONS = [
  'very_frightened', 'previous_stalking', 'property_damage', 'turns_up_unannounced', 'follows_or_loiters', 'threats_of_violence',
  'third_parties_harassed', 'violent_to_others', 'engages_others', 'substance_or_mental_health', 'known_abusive',
] as const;

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
