import { z } from 'zod';
import { defineEvent } from './envelope.js';
import { Behaviour, CalendarDate, OffenceClass, RecordRef, RiskGrade, ShareableText, Timestamp } from './common.js';
import { actionEvents, referralEvent, researchReturned, statisticsPublished } from './agencyCommon.js';

export const PoliceIncidentRecorded = defineEvent('police', 'incident.recorded', z.object({
  incidentRef: RecordRef,
  behaviours: z.array(Behaviour).min(1).max(14),
  offenceClass: OffenceClass,
  summary: ShareableText,
  location: z.string().trim().min(1).max(120).optional(),
}));

export const DashAnswer = z.enum(['yes', 'no', 'not_known']);

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
  breachedAt: Timestamp,
  behaviours: z.array(Behaviour).min(1).max(14),
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
]);

export const PoliceResearchReturned = researchReturned('police', PoliceRecordEvent);
export const [PoliceActionAccepted, PoliceActionCompleted] = actionEvents('police');
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
  PoliceReferralMade,
  PoliceResearchReturned,
  PoliceActionAccepted,
  PoliceActionCompleted,
  PoliceStatisticsPublished,
] as const;
