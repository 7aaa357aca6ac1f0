import { z } from 'zod';
import { AreaId, RiskGrade, StaffMember } from '../common.js';
import { MeetingMember } from '../conference.js';

/**
 * An invited member, with when the invitation was made: the member's access to the meeting's cases starts
 * then. Absent on meetings folded before invitations were dated: their access has no start.
 */
export const MeetingInvitation = MeetingMember.extend({ invitedAt: z.string().optional() });
export type MeetingInvitation = z.infer<typeof MeetingInvitation>;

/** A meeting as the conference answers with it (`GET /meetings`, `GET /meetings/:id`, and every change to one). */
export const MeetingView = z.object({
  meetingId: z.uuid(),
  title: z.string(),
  scheduledFor: z.string(),
  /** The area whose conference meets (null: scheduled before areas, so the conference's first area). */
  area: AreaId.nullable(),
  chair: StaffMember,
  members: z.array(MeetingInvitation),
  agenda: z.array(z.string()),
  status: z.enum(['scheduled', 'running', 'ended']),
  /** Index into the agenda of the case being discussed, once the meeting runs. */
  position: z.int().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** As the chair recorded it (user ids); null until recorded. */
  attendance: z.object({ present: z.array(z.string()), apologies: z.array(z.string()), recordedAt: z.string() }).nullable(),
});
export type MeetingView = z.infer<typeof MeetingView>;

/** `GET /meetings/:id/agenda`: one case as the agenda lists it: its current grade, where that grade comes from, and a short label. */
export const AgendaLine = z.object({
  caseRef: z.string(),
  grade: RiskGrade.nullable(),
  gradedBy: z.enum(['meeting', 'police', 'declined', 'none']),
  label: z.string().max(80),
});
export type AgendaLine = z.infer<typeof AgendaLine>;
