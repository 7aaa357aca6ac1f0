import { z } from 'zod';
import { defineEvent } from './envelope.js';
import { Behaviour, CalendarDate, PartnerAgency, RecordRef, RiskGrade, ShareableText, Timestamp } from './common.js';
import { actionEvents, referralEvent, researchReturned, statisticsPublished } from './agencyCommon.js';

export const ConsentLevel = z.enum(['full', 'limited', 'none']);
export type ConsentLevel = z.infer<typeof ConsentLevel>;

export const AdvocacyVictimEngaged = defineEvent('advocacy', 'victim.engaged', z.object({
  engagementRef: RecordRef,
  consent: ConsentLevel,
  consentGivenOn: CalendarDate,
  /** With `limited` consent, the agencies the victim agreed to share with. */
  limitedTo: z.array(PartnerAgency).max(4).optional(),
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

export const AdvocacyDiaryEntry = defineEvent('advocacy', 'diary.entry', z.object({
  entryRef: RecordRef,
  behaviours: z.array(Behaviour).min(1).max(14),
  happenedAt: Timestamp,
  place: z.string().trim().min(1).max(120),
  account: ShareableText,
}));

export const AdvocacyReferralMade = referralEvent('advocacy');

export const AdvocacyRecordEvent = z.discriminatedUnion('type', [
  AdvocacyVictimEngaged,
  AdvocacyConsentRevoked,
  AdvocacyVictimViewRecorded,
  AdvocacySafetyPlanUpdated,
  AdvocacyDiaryEntry,
]);

export const AdvocacyResearchReturned = researchReturned('advocacy', AdvocacyRecordEvent);
export const [AdvocacyActionAccepted, AdvocacyActionCompleted] = actionEvents('advocacy');
export const AdvocacyStatisticsPublished = statisticsPublished('advocacy');

export const advocacyEvents = [
  AdvocacyVictimEngaged,
  AdvocacyConsentRevoked,
  AdvocacyVictimViewRecorded,
  AdvocacySafetyPlanUpdated,
  AdvocacyDiaryEntry,
  AdvocacyReferralMade,
  AdvocacyResearchReturned,
  AdvocacyActionAccepted,
  AdvocacyActionCompleted,
  AdvocacyStatisticsPublished,
] as const;
