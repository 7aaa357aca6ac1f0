import { z } from 'zod';
import { defineEvent } from './envelope.js';
import {
  AreaId, Behaviour, CalendarDate, CaseRef, Month, OffenceClass, RecordRef, ShareableText, StaffMember, SubjectRole, Timestamp, WithheldReason,
  type PartnerAgency, trimmedText,
} from './common.js';
import { LinkToken } from '../link-tokens/index.js';

/** What a research return answers: a listing for a meeting, or one CPS history check. */
export const ResearchPurpose = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('listing'), caseRef: CaseRef }),
  z.object({ kind: z.literal('history_check'), requestRef: z.uuid() }),
]);
export type ResearchPurpose = z.infer<typeof ResearchPurpose>;

export const WithheldEntry = z.object({
  recordKind: z.string().min(1).max(64),
  reason: WithheldReason,
  count: z.int().min(1),
});
export type WithheldEntry = z.infer<typeof WithheldEntry>;

/**
 * The outline of a record about the case's suspect that names another victim: the suspect's history
 * elsewhere. Kind, month, offence class or behaviour categories and order type only; never a token, a name,
 * free text, risk answers, diary or health content.
 */
export const ElsewhereEntry = z.object({
  recordKind: z.string().min(1).max(64),
  agency: z.enum(['police', 'cps', 'health', 'advocacy']),
  month: Month,
  offenceClass: OffenceClass.optional(),
  behaviours: z.array(Behaviour).max(14).optional(),
  orderType: z.enum(['spo_interim', 'spo_full', 'restraining_order', 'bail_conditions']).optional(),
  otherCaseRef: CaseRef.optional(),
}).strict();
export type ElsewhereEntry = z.infer<typeof ElsewhereEntry>;

/** A person named in a referral: the only place names and dates of birth travel on the bus. */
export const ReferredPerson = z.object({
  role: SubjectRole,
  tokens: z.array(LinkToken).min(1).max(8),
  given: trimmedText(1, 80).optional(),
  family: trimmedText(1, 80).optional(),
  dateOfBirth: CalendarDate.optional(),
});
export type ReferredPerson = z.infer<typeof ReferredPerson>;

export const ReferralCriterion = z.enum(['high_risk', 'professional_judgement', 'repeat_within_12_months', 'escalation', 'victim_request', 'health_concern']);

export function referralEvent<A extends Exclude<PartnerAgency, 'cps'>>(agency: A) {
  return defineEvent(agency, 'referral.made', z.object({
    referralRef: RecordRef,
    criterion: ReferralCriterion,
    reason: ShareableText,
    people: z.array(ReferredPerson).min(1).max(12),
    /** The area whose conference is asked to hear it (the referrer's); without it, the conference's first area. */
    area: AreaId.optional(),
  }));
}

/** Records are the agency's own events, embedded whole so the conference applies them like any other. */
export function researchReturned<A extends PartnerAgency, R extends z.ZodType>(agency: A, record: R) {
  return defineEvent(agency, 'research.returned', z.object({
    purpose: ResearchPurpose,
    windowFrom: Timestamp,
    records: z.array(record).max(400),
    withheld: z.array(WithheldEntry).max(50),
    /** The suspect's records that name another victim, in outline only (see ElsewhereEntry). */
    elsewhere: z.array(ElsewhereEntry).max(400).default([]),
    part: z.object({ index: z.int().min(1), total: z.int().min(1) }),
  }));
}

const ActionCompleted = z.object({
  actionId: z.uuid(),
  caseRef: CaseRef,
  outcome: ShareableText,
  completedBy: StaffMember,
});

const ActionDeclined = z.object({
  actionId: z.uuid(),
  caseRef: CaseRef,
  /** Why the agency cannot take it on, for the chair to reassign it or change it. */
  reason: ShareableText,
  declinedBy: StaffMember,
});

/** An agency's short summary of what its research on a listed case found, for the meeting; at the sharing it chooses. */
export const ResearchSummary = z.object({
  caseRef: CaseRef,
  summary: trimmedText(1, 600),
});

export function researchSummaryEvent<A extends PartnerAgency>(agency: A) {
  return defineEvent(agency, 'research.summarised', ResearchSummary);
}

export function actionEvents<A extends PartnerAgency>(agency: A) {
  return [
    defineEvent(agency, 'action.accepted', z.object({
      actionId: z.uuid(),
      caseRef: CaseRef,
      acceptedBy: StaffMember,
    })),
    defineEvent(agency, 'action.completed', ActionCompleted),
    defineEvent(agency, 'action.declined', ActionDeclined),
  ] as const;
}

/** An agency completing an action it accepted: the outcome, as the action's completion event carries it. */
export const CompleteActionCommand = ActionCompleted.pick({ outcome: true });

/** An agency declining an action assigned to it, with the reason. */
export const DeclineActionCommand = ActionDeclined.pick({ reason: true });

/** Staff confirming or rejecting a possible match: why (kept in the agency only). */
export const MatchDecisionCommand = z.object({ reason: trimmedText(3, 500).describe('Why staff decided so; kept in the agency only') });

/** Monthly de-identified counts; a cell below the threshold is published as suppressed, never as a number. */
export const StatisticCell = z.object({
  measure: z.string().regex(/^[a-z][a-z0-9_.]*$/),
  breakdown: z.string().max(64).optional(),
  value: z.int().min(0).nullable(),
  suppressed: z.boolean(),
});

/** A span of whole months figures are also published for: a calendar quarter, or the 12 months to a month. */
export const StatisticsPeriodKind = z.enum(['quarter', 'rolling_12_months']);

/** The same measures over a period ending with the release's month, suppressed so no month can be worked out. */
export const StatisticsPeriod = z.object({
  period: StatisticsPeriodKind,
  from: Month.describe('The period\'s first month'),
  to: Month.describe('The period\'s last month: the release\'s month'),
  cells: z.array(StatisticCell).max(500),
});

/** One month's release: its figures, and those of the quarter (at a quarter's end) and the 12 months ending with it. */
export const StatisticsRelease = z.object({
  month: Month,
  suppressionThreshold: z.int().min(1),
  cells: z.array(StatisticCell).max(500),
  periods: z.array(StatisticsPeriod).max(2).optional().describe('Absent in releases from before periods were published'),
});

export function statisticsPublished<A extends PartnerAgency | 'conference'>(agency: A) {
  return defineEvent(agency, 'statistics.published', StatisticsRelease);
}
