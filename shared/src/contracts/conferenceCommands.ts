import { z } from 'zod';
import { AudienceEntry, CalendarDate, CaseRef, PartnerAgency, RecordRef, RiskGrade, ShareableText, Timestamp, trimmedText } from './common.js';
import { ConferenceAttendanceRecorded, ConferenceAreaRequested, ConferenceCaseClosed, ConferenceCaseTransferred, MeetingMember } from './conference.js';

/**
 * The request bodies of the chair's commands to the conference, and what a decision about a case answers with:
 * the service validates and documents with these, and the web UI types its requests with them.
 */

export const ScheduleMeetingCommand = z.object({
  title: trimmedText(1, 120),
  scheduledFor: Timestamp,
  members: z.array(MeetingMember).min(1).max(60),
  agenda: z.array(CaseRef).max(40).default([]),
});

export const SetMembersCommand = z.object({ members: z.array(MeetingMember).min(1).max(60) });
export const SetAgendaCommand = z.object({ agenda: z.array(CaseRef).max(40) });
export const MoveAgendaCommand = z.object({ position: z.int().min(0) });

export const ReviewCaseCommand = z.object({ meetingId: z.uuid(), riskDecision: RiskGrade, rationale: ShareableText, nextReviewOn: CalendarDate });
export const AssignActionCommand = z.object({ agency: PartnerAgency, description: ShareableText, dueOn: CalendarDate, meetingId: z.uuid().optional() });
/** Who is at the meeting and who sent apologies, by user id: invited members (and the chair) only, each once. */
export const RecordAttendanceCommand = ConferenceAttendanceRecorded.shape.data.pick({ present: true, apologies: true });

/** Cancel an action no longer needed, with the reason. */
export const CancelActionCommand = z.object({ reason: ShareableText });

/** Give an action to another agency (one that declined it, say), with a new due date and the reason. */
export const ReassignActionCommand = z.object({ agency: PartnerAgency, dueOn: CalendarDate, reason: ShareableText });

/** Close a case, and how long the conference keeps it (within the partnership's policy, which the service applies). */
export const CloseCaseCommand = ConferenceCaseClosed.shape.data.pick({ reason: true, retentionDays: true });
/** The chair hands the case to another area's conference, with its history. */
export const TransferCaseCommand = ConferenceCaseTransferred.shape.data.pick({ toArea: true, reason: true });
/** The chair asks another area holding the same suspect for a joint discussion, or to transfer its case here. */
export const AreaRequestCommand = ConferenceAreaRequested.shape.data.pick({ toArea: true, kind: true });
export const RequestDisclosureCommand = z.object({ concernRef: RecordRef, reason: ShareableText, proposedAudience: z.array(AudienceEntry).min(1).max(10) });

/** A decision about a case, recorded: the event that records it, filed under the case. */
export const DecisionRecorded = z.object({ eventId: z.uuid(), caseRef: z.string() });
export type DecisionRecorded = z.infer<typeof DecisionRecorded>;
/** An action assigned, with the id its owner accepts and completes it by. */
export const AssignedAction = DecisionRecorded.extend({ actionId: z.uuid() });
export type AssignedAction = z.infer<typeof AssignedAction>;
/** A disclosure request sent to health, with the reference the Caldicott guardian decides it under. */
export const RequestedDisclosure = DecisionRecorded.extend({ requestRef: z.uuid() });
export type RequestedDisclosure = z.infer<typeof RequestedDisclosure>;
