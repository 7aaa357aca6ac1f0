import type { CaseAction, MeetingInvitation, RiskGrade, StaffMember } from '@convene/shared/contracts';
import type { Meeting } from '../domain/meeting.js';
import type { TimelineEntry } from '../readModel/index.js';

/** One person at (or absent from) the meeting, as the invitation names them. */
export interface Attendee {
  name: string;
  agency: string;
  role: string;
}

export interface MinutesDecision {
  at: string;
  grade: RiskGrade;
  rationale: string | null;
  nextReviewOn: string;
}

export interface MinutesAction {
  description: string;
  owner: string;
  dueOn: string;
  status: CaseAction['status'];
}

export interface MinutesCase {
  caseRef: string;
  decisions: MinutesDecision[];
  actions: MinutesAction[];
}

/** What the minutes of one meeting say: who came, each case discussed, its risk decisions and the actions agreed. */
export interface Minutes {
  meetingId: string;
  title: string;
  chair: string;
  scheduledFor: string;
  startedAt: string | null;
  endedAt: string | null;
  attendance: { present: Attendee[]; apologies: Attendee[]; absent: Attendee[] } | null;
  cases: MinutesCase[];
  generatedAt: string;
}

/** The part of a case the minutes need: its timeline and actions as the reader may see them. */
export interface CaseForMinutes {
  caseRef: string;
  timeline: readonly TimelineEntry[];
  actions: readonly CaseAction[];
}

const nameOf = (m: Pick<MeetingInvitation, 'userId' | 'displayName'> | StaffMember) => m.displayName ?? m.userId;

/**
 * The minutes of a meeting, from the meeting and the cases on its agenda the reader may see: the risk decisions
 * recorded in this meeting (with their rationale) and the actions assigned in it, each with where it stands now.
 * Pure; only what was shared with the partnership is in it (decisions and actions are conference business).
 */
export function minutesOf(meeting: Meeting, cases: readonly CaseForMinutes[], generatedAt: Date): Minutes {
  const attendee = (userId: string): Attendee => {
    if (userId === meeting.chair.userId) return { name: nameOf(meeting.chair), agency: 'conference', role: 'chair' };
    const m = meeting.members.find((x) => x.userId === userId);
    return m ? { name: nameOf(m), agency: m.agency, role: m.role } : { name: userId, agency: 'unknown', role: 'unknown' };
  };
  const attendance = meeting.attendance ?? null;
  const named = new Set([...(attendance?.present ?? []), ...(attendance?.apologies ?? [])]);
  return {
    meetingId: meeting.meetingId,
    title: meeting.title,
    chair: nameOf(meeting.chair),
    scheduledFor: meeting.scheduledFor,
    startedAt: meeting.startedAt,
    endedAt: meeting.endedAt,
    attendance: attendance && {
      present: attendance.present.map(attendee),
      apologies: attendance.apologies.map(attendee),
      absent: meeting.members.filter((m) => !named.has(m.userId)).map((m) => attendee(m.userId)),
    },
    cases: cases.map((c) => minutesOfCase(meeting.meetingId, c)),
    generatedAt: generatedAt.toISOString(),
  };
}

function minutesOfCase(meetingId: string, c: CaseForMinutes): MinutesCase {
  const decisions: MinutesDecision[] = [];
  const assignedHere = new Set<string>();
  for (const e of c.timeline) {
    const f = e.facts;
    if (f.on === 'review' && f.meetingId === meetingId) decisions.push({ at: e.occurredAt, grade: f.grade, rationale: f.rationale ?? null, nextReviewOn: f.nextReviewOn });
    if (f.on === 'action' && f.assigned?.meetingId === meetingId) assignedHere.add(f.actionId);
  }
  const actions = c.actions.filter((a) => assignedHere.has(a.actionId)).map((a) => ({
    description: a.description ?? '', owner: a.owner ?? 'unknown', dueOn: a.dueOn ?? '', status: a.status,
  }));
  return { caseRef: c.caseRef, decisions, actions };
}
