import { z } from 'zod';
import { defineEvent } from './envelope.js';
import { Behaviour, CalendarDate, PartnerAgency, RecordRef, RiskGrade, ShareableText, Timestamp, trimmedText } from './common.js';
import { actionEvents, researchSummaryEvent, referralEvent, researchReturned, statisticsPublished } from './agencyCommon.js';

export const ConsentLevel = z.enum(['full', 'limited', 'none']);
export type ConsentLevel = z.infer<typeof ConsentLevel>;

/** The advocate allocated to the victim, for members to contact: a work name and number, never hers. */
export const AllocatedAdvocate = z.object({
  name: trimmedText(1, 120),
  role: z.enum(['IDVA', 'ISAC', 'hospital_IDVA']),
  service: trimmedText(1, 120).optional(),
  telephone: z.string().trim().regex(/^[0-9 +()-]{6,20}$/, 'expected a telephone number (digits, spaces, + ( ) -)').optional(),
});
export type AllocatedAdvocate = z.infer<typeof AllocatedAdvocate>;

export const AdvocacyVictimEngaged = defineEvent('advocacy', 'victim.engaged', z.object({
  engagementRef: RecordRef,
  consent: ConsentLevel,
  consentGivenOn: CalendarDate,
  /** With `limited` consent, the agencies the victim agreed to share with. */
  limitedTo: z.array(PartnerAgency).max(4).optional(),
  /** The IDVA or ISAC allocated to her, shown to members (under her consent, like the engagement). */
  advocate: AllocatedAdvocate.optional(),
}));

/** Published so partners stop relying on advocacy information; nothing more is shared for this victim. */
export const AdvocacyConsentRevoked = defineEvent('advocacy', 'consent.revoked', z.object({
  engagementRef: RecordRef,
  revokedOn: CalendarDate,
}));

export const AdvocacyVictimViewRecorded = defineEvent('advocacy', 'victim.view.recorded', z.object({
  engagementRef: RecordRef,
  ownViewOfRisk: RiskGrade,
  wishes: ShareableText,
  fears: ShareableText.optional(),
}));

export const AdvocacySafetyPlanUpdated = defineEvent('advocacy', 'safety_plan.updated', z.object({
  engagementRef: RecordRef,
  measures: z.array(ShareableText).min(1).max(30),
  reviewOn: CalendarDate.optional(),
}));

/** Who lives with the victim, as counts and ages only (never a name), and whether a safeguarding referral has been made for them. */
export const HouseholdFields = z.object({
  /** One entry per child in the household: age in whole years. */
  childrenAges: z.array(z.int().min(0).max(17)).max(12).describe('One entry per child in the household: age in whole years; never a name'),
  otherAdults: z.int().min(0).max(12),
  safeguardingReferralMade: z.boolean(),
  safeguardingReferralOn: CalendarDate.optional(),
});

const referralDated = (d: { safeguardingReferralMade: boolean; safeguardingReferralOn?: string | undefined }) => d.safeguardingReferralMade || d.safeguardingReferralOn === undefined;
export const REFERRAL_DATED = { message: 'a referral date is given only when a safeguarding referral was made', path: ['safeguardingReferralOn'] };

/** What the meeting needs to weigh risk to children and to ask the right agency. */
export const AdvocacyHouseholdRecorded = defineEvent('advocacy', 'household.recorded', z.object({
  engagementRef: RecordRef, ...HouseholdFields.shape,
}).strict().refine(referralDated, REFERRAL_DATED));

/** A UK telephone number as people write it: digits, spaces, +, brackets and dashes. */
export const TelephoneNumber = z.string().trim().regex(/^[0-9 +()-]{6,20}$/, 'expected a telephone number (digits, spaces, + ( ) -)');

/** How to contact the victim safely. */
export const SafeContactFields = z.object({
  safeTimes: trimmedText(1, 200),
  safeNumber: TelephoneNumber.optional(),
  /** Nothing to be posted to her home address. */
  noPostHome: z.boolean(),
  instructions: trimmedText(1, 500).optional(),
});

/**
 * Always restricted to the agencies that need to contact her (and never more than her consent allows): a safe
 * number in the wrong hands is a risk in itself.
 */
export const AdvocacySafeContactRecorded = defineEvent('advocacy', 'safe_contact.recorded', z.object({
  engagementRef: RecordRef, ...SafeContactFields.shape,
}).strict());

export const AdvocacyDiaryEntry = defineEvent('advocacy', 'diary.entry', z.object({
  entryRef: RecordRef,
  behaviours: z.array(Behaviour).min(1).max(14),
  happenedAt: Timestamp,
  place: trimmedText(1, 120),
  account: ShareableText,
}));

export const AdvocacyReferralMade = referralEvent('advocacy');

export const AdvocacyRecordEvent = z.discriminatedUnion('type', [
  AdvocacyVictimEngaged,
  AdvocacyConsentRevoked,
  AdvocacyVictimViewRecorded,
  AdvocacySafetyPlanUpdated,
  AdvocacyHouseholdRecorded,
  AdvocacySafeContactRecorded,
  AdvocacyDiaryEntry,
]);

export const AdvocacyResearchReturned = researchReturned('advocacy', AdvocacyRecordEvent);
export const [AdvocacyActionAccepted, AdvocacyActionCompleted, AdvocacyActionDeclined] = actionEvents('advocacy');
export const AdvocacyResearchSummarised = researchSummaryEvent('advocacy');
export const AdvocacyStatisticsPublished = statisticsPublished('advocacy');

export const advocacyEvents = [
  AdvocacyVictimEngaged,
  AdvocacyConsentRevoked,
  AdvocacyVictimViewRecorded,
  AdvocacySafetyPlanUpdated,
  AdvocacyHouseholdRecorded,
  AdvocacySafeContactRecorded,
  AdvocacyDiaryEntry,
  AdvocacyReferralMade,
  AdvocacyResearchReturned,
  AdvocacyActionAccepted,
  AdvocacyActionCompleted,
  AdvocacyActionDeclined,
  AdvocacyResearchSummarised,
  AdvocacyStatisticsPublished,
] as const;
