import { z } from 'zod';
import { defineEvent } from './envelope.js';
import {
  AreaId, AudienceEntry, CalendarDate, CaseRef, PartnerAgency, RecordRef, RiskGrade, Role, ShareableText, StaffMember, Timestamp, trimmedText,
} from './common.js';
import { ReferralCriterion, ReferredPerson, statisticsPublished } from './agencyCommon.js';
import { HistoryWindowMonths, LawfulBasisForCheck, OfficerInCase, Urn } from './cps.js';
import { LinkToken } from '../link-tokens/index.js';

export const ConferenceCaseListed = defineEvent('conference', 'case.listed', z.object({
  caseRef: CaseRef,
  referral: z.object({
    agency: PartnerAgency,
    referralRef: RecordRef,
    criterion: ReferralCriterion,
    reason: ShareableText,
  }),
  people: z.array(ReferredPerson).min(1).max(12),
  /** A case closed in the last 12 months with a matching subject: this listing is a repeat of it. */
  repeatOf: CaseRef.optional(),
  /** The area whose conference holds the case (absent on listings made before areas: the conference's first area). */
  area: AreaId.optional(),
}));

/**
 * A case moves to another area's conference with its history (the victim moved, or the suspect's other victims
 * are heard there): from now on only that area's chair and members see it; the sending area keeps this record.
 */
export const ConferenceCaseTransferred = defineEvent('conference', 'case.transferred', z.object({
  caseRef: CaseRef,
  fromArea: AreaId,
  toArea: AreaId,
  reason: ShareableText,
  transferredBy: StaffMember,
}));

/**
 * A chair asks the area holding another case with the same suspect for a joint discussion, or to transfer that
 * case here. Recorded on the asking area's own case; the other area learns only the kind of request, from which
 * area, and when (no text crosses areas).
 */
export const CrossAreaRequestKind = z.enum(['joint_discussion', 'transfer_here']);
export const ConferenceAreaRequested = defineEvent('conference', 'area.requested', z.object({
  caseRef: CaseRef,
  fromArea: AreaId,
  toArea: AreaId,
  kind: CrossAreaRequestKind,
  requestedBy: StaffMember,
}));

export const MeetingMember = z.object({
  userId: z.string().min(1).max(128),
  displayName: z.string().min(1).max(120).optional(),
  agency: z.enum(['police', 'cps', 'health', 'advocacy', 'conference']),
  role: Role,
});
export type MeetingMember = z.infer<typeof MeetingMember>;

export const ConferenceMeetingScheduled = defineEvent('conference', 'meeting.scheduled', z.object({
  meetingId: z.uuid(),
  title: trimmedText(1, 120),
  scheduledFor: Timestamp,
  /** The area whose conference meets (absent on meetings scheduled before areas: the conference's first area). */
  area: AreaId.optional(),
  chair: StaffMember,
  members: z.array(MeetingMember).min(1).max(60),
  agenda: z.array(CaseRef).max(40),
}));

/** The chair replaces a meeting's invitation list: a member left out loses access through this meeting at once. */
export const ConferenceMembersSet = defineEvent('conference', 'members.set', z.object({
  meetingId: z.uuid(),
  members: z.array(MeetingMember).min(1).max(60),
  setBy: StaffMember,
}));

export const ConferenceAgendaSet = defineEvent('conference', 'agenda.set', z.object({
  meetingId: z.uuid(),
  agenda: z.array(CaseRef).max(40),
}));

export const ConferenceMeetingStarted = defineEvent('conference', 'meeting.started', z.object({
  meetingId: z.uuid(),
  startedBy: StaffMember,
}));

export const ConferenceMeetingEnded = defineEvent('conference', 'meeting.ended', z.object({
  meetingId: z.uuid(),
  endedBy: StaffMember,
}));

/** The chair reminding the agencies whose research on a listed case is still awaited: each answers if it has not. */
export const ConferenceResearchReminded = defineEvent('conference', 'research.reminded', z.object({
  caseRef: CaseRef,
  agencies: z.array(PartnerAgency).min(1).max(4),
  remindedBy: StaffMember,
}));

/** Who attended the meeting and who sent apologies, by user id (the invitation names them), as the chair records it. */
export const ConferenceAttendanceRecorded = defineEvent('conference', 'attendance.recorded', z.object({
  meetingId: z.uuid(),
  present: z.array(z.string().min(1).max(200)).max(61),
  apologies: z.array(z.string().min(1).max(200)).max(60),
  recordedBy: StaffMember,
}));

export const ConferenceAgendaMoved = defineEvent('conference', 'agenda.moved', z.object({
  meetingId: z.uuid(),
  position: z.int().min(0),
  caseRef: CaseRef,
}));

export const ConferenceCaseReviewed = defineEvent('conference', 'case.reviewed', z.object({
  caseRef: CaseRef,
  meetingId: z.uuid(),
  riskDecision: RiskGrade,
  rationale: ShareableText,
  nextReviewOn: CalendarDate,
}));

export const ConferenceActionAssigned = defineEvent('conference', 'action.assigned', z.object({
  actionId: z.uuid(),
  caseRef: CaseRef,
  meetingId: z.uuid().optional(),
  agency: PartnerAgency,
  description: ShareableText,
  dueOn: CalendarDate,
  assignedBy: StaffMember,
}));

export const ConferenceActionUpdated = defineEvent('conference', 'action.updated', z.object({
  actionId: z.uuid(),
  caseRef: CaseRef,
  status: z.enum(['open', 'accepted', 'completed', 'cancelled']),
  note: ShareableText.optional(),
}));

export const ConferenceCaseClosed = defineEvent('conference', 'case.closed', z.object({
  caseRef: CaseRef,
  reason: z.enum(['risk_reduced', 'victim_moved_away', 'victim_request', 'transferred', 'no_further_involvement']),
  closedBy: StaffMember,
  /** Days the conference keeps the closed case before erasing it (0 = at once); absent on closures made before it was set per close. */
  retentionDays: z.int().min(0).max(3650).optional(),
}));

/** A CPS history check accepted by the conference: agencies answer it with research returns. */
export const ConferenceHistoryCheckOpened = defineEvent('conference', 'history_check.opened', z.object({
  requestRef: z.uuid(),
  caseRef: CaseRef.optional(),
  suspectTokens: z.array(LinkToken).min(1).max(16),
  /** The victims of the CPS case file the check is for: records naming another victim are outlined, not shared. */
  victimTokens: z.array(LinkToken).max(16).default([]),
  /** The CPS case file (URN) naming the suspects, and the lawyer's own words for why: what agencies answer for. */
  urn: Urn.optional(),
  lawfulBasis: LawfulBasisForCheck,
  purpose: ShareableText.optional(),
  /** How far back agencies look (months); without it, their own research window. */
  windowMonths: HistoryWindowMonths.optional(),
  officerInCase: OfficerInCase.optional(),
  requestedBy: StaffMember,
  expiresAt: Timestamp,
}));

export const ConferenceDisclosureRequested = defineEvent('conference', 'disclosure.requested', z.object({
  requestRef: z.uuid(),
  caseRef: CaseRef,
  concernRef: RecordRef,
  requestedBy: StaffMember,
  reason: ShareableText,
  proposedAudience: z.array(AudienceEntry).min(1).max(10),
}));

export const ConferenceStatisticsPublished = statisticsPublished('conference');

export const conferenceEvents = [
  ConferenceAttendanceRecorded,
  ConferenceResearchReminded,
  ConferenceCaseListed,
  ConferenceCaseTransferred,
  ConferenceAreaRequested,
  ConferenceMeetingScheduled,
  ConferenceMembersSet,
  ConferenceAgendaSet,
  ConferenceMeetingStarted,
  ConferenceMeetingEnded,
  ConferenceAgendaMoved,
  ConferenceCaseReviewed,
  ConferenceActionAssigned,
  ConferenceActionUpdated,
  ConferenceCaseClosed,
  ConferenceHistoryCheckOpened,
  ConferenceDisclosureRequested,
  ConferenceStatisticsPublished,
] as const;
