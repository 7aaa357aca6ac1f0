import type { Principal } from '@convene/shared/auth';
import { forbidden } from '@convene/shared/errors';
import { decideMeetingAccess } from '../domain/access.js';
import { meetingPurpose } from '../domain/auditing.js';
import type { Meeting } from '../domain/meeting.js';
import type { CaseView } from '../readModel/index.js';
import type { ConferenceDeps } from './deps.js';

/**
 * The cases on a meeting's agenda this person may see now, in agenda order: the same access as the case view
 * (once a member's time after the meeting is over, only the cases their agency holds an open action on). The
 * read is audited under `action`, and a refusal too before it is thrown.
 */
export async function agendaFor(deps: ConferenceDeps, meeting: Meeting, principal: Principal, action: string): Promise<{ at: Date; views: CaseView[] }> {
  const read = { action, purpose: meetingPurpose(meeting.meetingId), meetingId: meeting.meetingId };
  const at = deps.now?.() ?? new Date();
  const views = new Map<string, CaseView>();
  for (const caseRef of meeting.agenda) {
    const view = await deps.cases.get(caseRef);
    if (view && view.status !== 'pending') views.set(caseRef, view);
  }
  const area = deps.areas.judge(principal, meeting.area);
  const access = decideMeetingAccess(principal, meeting, (caseRef) => views.get(caseRef)?.actions ?? [], {
    now: at, afterMeetingDays: deps.caseAccessAfterMeetingDays, areas: { ofMeeting: area.held, ofViewer: area.viewer },
  });
  if (!access.allowed) {
    await deps.audit(principal, { ...read, outcome: 'denied' });
    throw forbidden(access.reason);
  }
  await deps.audit(principal, read);
  // A case transferred to another area since stays on this meeting's agenda as history, but not its content.
  const heldHere = (v: CaseView) => deps.areas.placeOf(v.area) === area.held;
  return { at, views: [...views.values()].filter((v) => heldHere(v) && (access.cases === 'all' || access.cases.has(v.caseRef))) };
}
