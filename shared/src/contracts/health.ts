import { z } from 'zod';
import { defineEvent } from './envelope.js';
import { CaseRef, RecordRef, ShareableText, StaffMember, SubjectRole, trimmedText } from './common.js';
import { actionEvents, researchSummaryEvent, referralEvent, researchReturned, statisticsPublished } from './agencyCommon.js';

export const ConcernCategory = z.enum([
  'injury',
  'psychological_distress',
  'self_harm_risk',
  'perpetrator_fixation',
  'threats_disclosed',
  'child_safeguarding',
  'substance_misuse',
  'other',
]);
export type ConcernCategory = z.infer<typeof ConcernCategory>;

export const ConcernSeverity = z.enum(['low', 'medium', 'high']);

/** Where partners reach the health service about this concern; a service, not a clinician's personal line. */
export const ContactPoint = z.object({
  service: trimmedText(1, 120),
  telephone: z.string().regex(/^[0-9 +()-]{6,20}$/).optional(),
});

/** The minimal flag: category, severity and contact. Clinical detail needs a disclosure decision. */
export const HealthConcernFlagged = defineEvent('health', 'concern.flagged', z.object({
  concernRef: RecordRef,
  subjectRole: SubjectRole,
  category: ConcernCategory,
  severity: ConcernSeverity,
  contact: ContactPoint,
}));

export const HealthConcernUpdated = defineEvent('health', 'concern.updated', z.object({
  concernRef: RecordRef,
  category: ConcernCategory.optional(),
  severity: ConcernSeverity.optional(),
}));

export const HealthConcernResolved = defineEvent('health', 'concern.resolved', z.object({
  concernRef: RecordRef,
  resolution: z.enum(['no_longer_a_concern', 'transferred', 'patient_discharged', 'recorded_in_error']),
}));

/** The health service's record that a disclosure request reached its Caldicott queue. */
export const HealthDisclosureRequested = defineEvent('health', 'disclosure.requested', z.object({
  requestRef: z.uuid(),
  concernRef: RecordRef,
  caseRef: CaseRef,
  requestedBy: StaffMember,
}));

/**
 * The legal gateway a Caldicott guardian relies on to disclose confidential health information: the patient's
 * explicit consent; the public interest overriding the duty of confidence (a risk of serious harm); safeguarding
 * an individual at risk (DPA 2018 Sch. 1 para. 18); the prevention or detection of crime (DPA 2018 Sch. 2
 * para. 2, Crime and Disorder Act 1998 s.115); a statutory duty (such as Children Act 2004 s.11); a court order.
 */
export const LegalGateway = z.enum([
  'explicit_consent',
  'overriding_public_interest',
  'safeguarding_individual_at_risk',
  'prevention_or_detection_of_crime',
  'statutory_duty',
  'court_order',
]);
export type LegalGateway = z.infer<typeof LegalGateway>;

export const HealthDisclosureDecided = defineEvent('health', 'disclosure.decided', z.object({
  requestRef: z.uuid(),
  concernRef: RecordRef,
  caseRef: CaseRef,
  decision: z.enum(['disclosed', 'refused']),
  reason: ShareableText,
  decidedBy: StaffMember,
  /** Present only when disclosed; the envelope's audience says who may read it. */
  detail: ShareableText.optional(),
  /** The gateway the disclosure relies on: on every disclosure decided since it was recorded; never on a refusal. */
  legalGateway: LegalGateway.optional(),
}).refine((d) => (d.decision === 'disclosed') === (d.detail !== undefined), {
  message: 'detail is given exactly when the decision is to disclose',
  path: ['detail'],
}).refine((d) => d.decision === 'disclosed' || d.legalGateway === undefined, {
  message: 'a refusal relies on no legal gateway',
  path: ['legalGateway'],
}));

export const HealthReferralMade = referralEvent('health');

export const HealthRecordEvent = z.discriminatedUnion('type', [
  HealthConcernFlagged,
  HealthConcernUpdated,
  HealthConcernResolved,
]);

export const HealthResearchReturned = researchReturned('health', HealthRecordEvent);
export const [HealthActionAccepted, HealthActionCompleted, HealthActionDeclined] = actionEvents('health');
export const HealthResearchSummarised = researchSummaryEvent('health');
export const HealthStatisticsPublished = statisticsPublished('health');

export const healthEvents = [
  HealthConcernFlagged,
  HealthConcernUpdated,
  HealthConcernResolved,
  HealthDisclosureRequested,
  HealthDisclosureDecided,
  HealthReferralMade,
  HealthResearchReturned,
  HealthActionAccepted,
  HealthActionCompleted,
  HealthActionDeclined,
  HealthResearchSummarised,
  HealthStatisticsPublished,
] as const;
