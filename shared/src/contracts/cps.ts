import { z } from 'zod';
import { defineEvent } from './envelope.js';
import { breachConduct, CalendarDate, CaseRef, OffenceClass, RecordRef, ShareableText, StaffMember, Timestamp, trimmedText } from './common.js';
import { actionEvents, researchSummaryEvent, researchReturned, statisticsPublished } from './agencyCommon.js';
import { LinkToken } from '../link-tokens/index.js';

/**
 * How many months back a history check looks. Previous convictions and orders often lie further back than the
 * year a research return covers; the partnership's information-sharing agreement sets the maximum (CPS config
 * HISTORY_WINDOW_MAX_MONTHS, never above this bound).
 */
export const HistoryWindowMonths = z.int().min(1).max(120);
export const DEFAULT_HISTORY_WINDOW_MONTHS = 12;

/**
 * How a record stands for a prosecutor reading a history check. Evidence: a record of what was done or decided
 * in an investigation or a court, which the lawyer can seek to rely on. Intelligence: information held for risk
 * and safeguarding, to be verified, or disclosed under the usual rules, before anything rests on it.
 */
export const Material = z.enum(['evidence', 'intelligence']);
export type Material = z.infer<typeof Material>;

/** The police officer in the case (OIC): whom an agency answering a history check can call about the file. */
export const OfficerInCase = z.object({
  name: trimmedText(1, 120),
  /** Collar number, or the force's reference for the officer. */
  reference: trimmedText(1, 40).optional(),
  contact: trimmedText(3, 120).optional().describe('A work telephone number or e-mail address'),
});
export type OfficerInCase = z.infer<typeof OfficerInCase>;

export const LawfulBasisForCheck = z.enum([
  'charging_decision',
  'bail_application',
  'sentencing',
  'restraining_order_application',
]);

/**
 * A CPS case's Unique Reference Number, as police and CPS print it without spaces: force code (2 digits),
 * unit (2 letters or digits), case number (5 digits), year (2 digits), e.g. 42AB1234526.
 */
export const Urn = z.string().regex(/^\d{2}[A-Z0-9]{2}\d{7}$/, 'expected a URN like 42AB1234526 (no spaces, capitals)');
export type Urn = z.infer<typeof Urn>;

export const CpsHistoryRequested = defineEvent('cps', 'history.requested', z.object({
  requestRef: z.uuid(),
  caseRef: CaseRef.optional(),
  /** The CPS case file naming the suspects; every request since the URN check carries it. */
  urn: Urn.optional(),
  suspectTokens: z.array(LinkToken).max(16),
  /** The victims named in that case file: a history check shares in full only records about them. */
  victimTokens: z.array(LinkToken).max(16).default([]),
  lawfulBasis: LawfulBasisForCheck,
  purpose: ShareableText,
  /** How far back agencies look, as the lawyer chose within the partnership's maximum (default 12). */
  windowMonths: HistoryWindowMonths.optional(),
  officerInCase: OfficerInCase.optional(),
  requestedBy: StaffMember,
}).refine((d) => d.caseRef !== undefined || d.suspectTokens.length > 0, {
  message: 'a history request names a case reference or at least one suspect token',
  path: ['suspectTokens'],
}));

export const CpsChargingDecided = defineEvent('cps', 'charging.decided', z.object({
  decisionRef: RecordRef,
  urn: Urn.optional().describe('The case file the decision belongs to; a history check on its suspect needs it'),
  outcome: z.enum(['charge', 'no_further_action', 'caution', 'more_evidence_needed']),
  offenceClass: OffenceClass.optional(),
  rationale: ShareableText.optional(),
}));

export const CpsHearingScheduled = defineEvent('cps', 'hearing.scheduled', z.object({
  hearingRef: RecordRef,
  urn: Urn.optional().describe('The case file the hearing belongs to; a history check on its suspect needs it'),
  court: trimmedText(1, 120),
  hearingAt: Timestamp,
  hearingType: z.enum(['first_appearance', 'plea', 'trial', 'sentencing', 'bail', 'other']),
}));

export const CpsCaseOutcome = defineEvent('cps', 'case.outcome', z.object({
  outcomeRef: RecordRef,
  /** The charging decision this outcome concludes. */
  decisionRef: RecordRef.optional(),
  outcome: z.enum(['convicted', 'acquitted', 'discontinued', 'withdrawn']),
  offenceClass: OffenceClass.optional(),
}));

export const CpsRestrainingOrderMade = defineEvent('cps', 'restraining_order.made', z.object({
  orderRef: RecordRef,
  onConviction: z.boolean(),
  conditions: z.array(ShareableText).min(1).max(20),
  expiresOn: CalendarDate.optional(),
}));

export const CpsBailConditionsSet = defineEvent('cps', 'bail.conditions.set', z.object({
  bailRef: RecordRef,
  conditions: z.array(ShareableText).min(1).max(20),
  until: CalendarDate.optional(),
}));

/** A restraining order broken, as the CPS learns of it to prosecute the breach. */
export const CpsRestrainingOrderBreached = defineEvent('cps', 'restraining_order.breached', z.object({
  orderRef: RecordRef,
  ...breachConduct,
}));

/** Court bail conditions broken, as the CPS puts the breach before the court. */
export const CpsBailBreached = defineEvent('cps', 'bail.breached', z.object({
  bailRef: RecordRef,
  ...breachConduct,
}));

export const CpsRecordEvent = z.discriminatedUnion('type', [
  CpsChargingDecided,
  CpsHearingScheduled,
  CpsCaseOutcome,
  CpsRestrainingOrderMade,
  CpsBailConditionsSet,
  CpsRestrainingOrderBreached,
  CpsBailBreached,
]);

export const CpsResearchReturned = researchReturned('cps', CpsRecordEvent);
export const [CpsActionAccepted, CpsActionCompleted, CpsActionDeclined] = actionEvents('cps');
export const CpsResearchSummarised = researchSummaryEvent('cps');
export const CpsStatisticsPublished = statisticsPublished('cps');

export const cpsEvents = [
  CpsHistoryRequested,
  CpsChargingDecided,
  CpsHearingScheduled,
  CpsCaseOutcome,
  CpsRestrainingOrderMade,
  CpsBailConditionsSet,
  CpsRestrainingOrderBreached,
  CpsBailBreached,
  CpsResearchReturned,
  CpsActionAccepted,
  CpsActionCompleted,
  CpsActionDeclined,
  CpsResearchSummarised,
  CpsStatisticsPublished,
] as const;
