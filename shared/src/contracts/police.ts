import { z } from 'zod';
import { defineEvent } from './envelope.js';
import { Behaviour, breachConduct, CalendarDate, OffenceClass, RecordRef, RiskGrade, ShareableText, trimmedText } from './common.js';
import { actionEvents, researchSummaryEvent, referralEvent, researchReturned, statisticsPublished } from './agencyCommon.js';

export const PoliceIncidentRecorded = defineEvent('police', 'incident.recorded', z.object({
  incidentRef: RecordRef,
  behaviours: z.array(Behaviour).min(1).max(14),
  offenceClass: OffenceClass,
  summary: ShareableText,
  location: trimmedText(1, 120).optional(),
}));

export const DashAnswer = z.enum(['yes', 'no', 'not_known']);

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

export const PoliceRiskAssessed = defineEvent('police', 'risk.assessed', z.object({
  assessmentRef: RecordRef,
  tool: z.enum(['DASH', 'S-DASH']),
  outcome: z.enum(['completed', 'declined']),
  /** null when the victim declined: no grade was assessed. */
  grade: RiskGrade.nullable(),
  yesCount: z.int().min(0).max(27).nullable(),
  raisedByProfessionalJudgement: z.boolean(),
  stalkingQuestionTicked: z.boolean(),
  sdashYesCount: z.int().min(0).max(11).nullable(),
  victimOwnView: RiskGrade.nullable(),
}));

export const PoliceClassificationChanged = defineEvent('police', 'classification.changed', z.object({
  crimeRef: RecordRef,
  from: OffenceClass,
  to: OffenceClass,
  reason: ShareableText,
}));

export const PoliceArrestMade = defineEvent('police', 'arrest.made', z.object({
  arrestRef: RecordRef,
  offenceClass: OffenceClass,
}));

export const PoliceBailSet = defineEvent('police', 'bail.set', z.object({
  bailRef: RecordRef,
  conditions: z.array(ShareableText).max(20),
  until: CalendarDate.optional(),
}));

export const SpoKind = z.enum(['interim', 'full']);

export const PoliceSpoApplied = defineEvent('police', 'spo.applied', z.object({
  orderRef: RecordRef,
  kind: SpoKind,
}));

export const PoliceSpoGranted = defineEvent('police', 'spo.granted', z.object({
  orderRef: RecordRef,
  kind: SpoKind,
  conditions: z.array(ShareableText).min(1).max(20),
  expiresOn: CalendarDate,
}));

export const PoliceSpoBreached = defineEvent('police', 'spo.breached', z.object({
  orderRef: RecordRef,
  ...breachConduct,
}));

/** Police bail broken: the conduct that broke it, as for any breach. */
export const PoliceBailBreached = defineEvent('police', 'bail.breached', z.object({
  bailRef: RecordRef,
  ...breachConduct,
}));

/**
 * The answer to "high risk stalking, no SPO": an SPO was considered and applied for (naming the application when
 * there is one), or not, with the reason, so the decision is on the record whichever way it went.
 */
export const PoliceSpoConsidered = defineEvent('police', 'spo.considered', z.object({
  considerationRef: RecordRef,
  decision: z.enum(['applied', 'not_applied']),
  orderRef: RecordRef.optional(),
  reason: ShareableText,
}));

export const PoliceReferralMade = referralEvent('police');

/** Police records that can appear in a research return or be streamed to a listed case. */
export const PoliceRecordEvent = z.discriminatedUnion('type', [
  PoliceIncidentRecorded,
  PoliceRiskAssessed,
  PoliceClassificationChanged,
  PoliceArrestMade,
  PoliceBailSet,
  PoliceSpoApplied,
  PoliceSpoGranted,
  PoliceSpoBreached,
  PoliceBailBreached,
  PoliceSpoConsidered,
]);

export const PoliceResearchReturned = researchReturned('police', PoliceRecordEvent);
export const [PoliceActionAccepted, PoliceActionCompleted, PoliceActionDeclined] = actionEvents('police');
export const PoliceResearchSummarised = researchSummaryEvent('police');
export const PoliceStatisticsPublished = statisticsPublished('police');

export const policeEvents = [
  PoliceIncidentRecorded,
  PoliceRiskAssessed,
  PoliceClassificationChanged,
  PoliceArrestMade,
  PoliceBailSet,
  PoliceSpoApplied,
  PoliceSpoGranted,
  PoliceSpoBreached,
  PoliceBailBreached,
  PoliceSpoConsidered,
  PoliceReferralMade,
  PoliceResearchReturned,
  PoliceActionAccepted,
  PoliceActionCompleted,
  PoliceActionDeclined,
  PoliceResearchSummarised,
  PoliceStatisticsPublished,
] as const;
