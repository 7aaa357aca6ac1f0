import type { Principal } from '@convene/shared/auth';
import type { ActionStatus, Agency } from '@convene/shared/contracts';
import { forbidden } from '@convene/shared/errors';
import { invitationOf, isMember, type Meeting } from './meeting.js';

/** What access needs to know of a case's action: which agency holds it, and whether it is still open. */
export interface HeldAction {
  owner: Agency | null;
  status: ActionStatus;
}

/** When access is judged, and how long it lasts after a meeting ends (CASE_ACCESS_AFTER_MEETING_DAYS). */
export interface AccessTerms {
  now: Date;
  afterMeetingDays: number;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/** Through one meeting: every case on its agenda, only those named, or none (and why). */
export type MeetingAccess = { allowed: true; cases: 'all' | ReadonlySet<string> } | { allowed: false; reason: string };

/** CASE_ACCESS_AFTER_MEETING_DAYS unless set: a week for the minutes and the actions agreed. */
export const DEFAULT_CASE_ACCESS_AFTER_MEETING_DAYS = 7;

const DAY_MS = 86_400_000;
const ALLOWED: AccessDecision = { allowed: true };

/** Where one member's invitation stands: its window is from the invitation until the set days after the meeting ends. */
type Window =
  | { state: 'open' }
  | { state: 'not_invited' }
  | { state: 'not_yet'; from: string }
  | { state: 'lapsed'; ended: Date };

function invitationWindow(principal: Principal, meeting: Meeting, terms: AccessTerms): Window {
  if (!isMember(meeting, principal)) return { state: 'not_invited' };
  const invitedAt = invitationOf(meeting, principal)?.invitedAt;
  if (invitedAt !== undefined && terms.now.getTime() < Date.parse(invitedAt)) return { state: 'not_yet', from: invitedAt };
  if (meeting.status !== 'ended' || meeting.endedAt === null) return { state: 'open' };
  const ended = new Date(Date.parse(meeting.endedAt) + terms.afterMeetingDays * DAY_MS);
  return terms.now.getTime() <= ended.getTime() ? { state: 'open' } : { state: 'lapsed', ended };
}

/** An action the agency still has to do keeps its members' access to the case open. */
export function holdsOpenAction(agency: Agency, actions: readonly HeldAction[]): boolean {
  return actions.some((a) => a.owner === agency && (a.status === 'open' || a.status === 'accepted'));
}

const named = (meeting: Meeting) => `meeting "${meeting.title}" (${meeting.meetingId})`;

function lapsedReason(meeting: Meeting, ended: Date, terms: AccessTerms): string {
  const days = `${terms.afterMeetingDays} day${terms.afterMeetingDays === 1 ? '' : 's'}`;
  return `access ended on ${ended.toISOString().slice(0, 10)}, ${days} after ${named(meeting)} ended`;
}

const notYetReason = (meeting: Meeting, from: string) => `your invitation to ${named(meeting)} starts at ${from}`;

/**
 * May this person see this case now? Only someone of the area whose conference holds it (a case transferred away
 * leaves its old area with nothing but the record of the transfer). There, its chairs (coordinators) always
 * may, to prepare agendas; anyone else through an invitation to a meeting with the case on its agenda: from the invitation until
 * `afterMeetingDays` after that meeting ends (for minutes and actions), and after that for as long as their
 * agency holds an open action on the case. Otherwise the reason says which of these ran out.
 */
export function decideCaseAccess(input: AccessTerms & {
  principal: Principal;
  caseRef: string;
  meetingsWithCase: readonly Meeting[];
  openActions: readonly HeldAction[];
  /** The area holding the case, and the viewer's. */
  areas: { ofCase: string; ofViewer: string };
}): AccessDecision {
  const { principal, caseRef } = input;
  if (input.areas.ofCase !== input.areas.ofViewer) return { allowed: false, reason: `${caseRef} is held by another area's conference` };
  if (principal.role === 'chair') return ALLOWED;
  const holdsAction = holdsOpenAction(principal.agency, input.openActions);
  let lapsed: { meeting: Meeting; ended: Date } | undefined;
  let notYet: { meeting: Meeting; from: string } | undefined;
  for (const meeting of input.meetingsWithCase) {
    if (!meeting.agenda.includes(caseRef)) continue;
    const window = invitationWindow(principal, meeting, input);
    if (window.state === 'open' || (window.state === 'lapsed' && holdsAction)) return ALLOWED;
    // Of several lapsed invitations the latest to end is the one to name; a future one only if none lapsed.
    if (window.state === 'lapsed' && (!lapsed || window.ended > lapsed.ended)) lapsed = { meeting, ended: window.ended };
    if (window.state === 'not_yet' && (!notYet || window.from < notYet.from)) notYet = { meeting, from: window.from };
  }
  if (lapsed) return { allowed: false, reason: lapsedReason(lapsed.meeting, lapsed.ended, input) };
  if (notYet) return { allowed: false, reason: notYetReason(notYet.meeting, notYet.from) };
  return { allowed: false, reason: `you are not invited to a meeting that has ${caseRef} on its agenda` };
}

/** The HTTP form of decideCaseAccess: a refusal is a 403 with its reason. */
export function assertCaseAccess(...args: Parameters<typeof decideCaseAccess>): void {
  const decision = decideCaseAccess(...args);
  if (!decision.allowed) throw forbidden(decision.reason);
}

/**
 * May this person be in this meeting's room now, and which of its cases may reach them there? The meeting's
 * members only; each agenda case then by decideCaseAccess through this meeting, so a member whose time after
 * the meeting has run out keeps only the cases their agency still holds an open action on.
 */
export function decideMeetingAccess(
  principal: Principal,
  meeting: Meeting,
  openActionsOf: (caseRef: string) => readonly HeldAction[],
  terms: AccessTerms & { areas: { ofMeeting: string; ofViewer: string } },
): MeetingAccess {
  if (terms.areas.ofMeeting !== terms.areas.ofViewer) return { allowed: false, reason: 'this meeting is another area\'s' };
  const window = invitationWindow(principal, meeting, terms);
  if (window.state === 'not_invited') return { allowed: false, reason: 'you are not a member of this meeting' };
  if (principal.role === 'chair' || window.state === 'open') return { allowed: true, cases: 'all' };
  if (window.state === 'not_yet') return { allowed: false, reason: notYetReason(meeting, window.from) };
  const cases = meeting.agenda.filter((caseRef) => decideCaseAccess({
    ...terms, principal, caseRef, meetingsWithCase: [meeting], openActions: openActionsOf(caseRef), areas: { ofCase: terms.areas.ofMeeting, ofViewer: terms.areas.ofViewer },
  }).allowed);
  return cases.length > 0 ? { allowed: true, cases: new Set(cases) } : { allowed: false, reason: lapsedReason(meeting, window.ended, terms) };
}

/** Whether the meeting's cases may need their actions looked at: only once the member's time after it has run out. */
export function needsOpenActions(principal: Principal, meeting: Meeting, terms: AccessTerms): boolean {
  return principal.role !== 'chair' && invitationWindow(principal, meeting, terms).state === 'lapsed';
}

export function assertMeetingAccess(principal: Principal, meeting: Meeting): void {
  if (!isMember(meeting, principal)) throw forbidden(`you are not invited to meeting ${meeting.meetingId}`);
}
