import type { CaseEvent } from '@convene/shared/contracts';
import { narrowByConsent } from '@convene/shared/sharing';
import { consentOf, sharedEntry, type CaseView } from '../readModel/index.js';
import type { Meeting } from '../domain/meeting.js';
import type { NewPush } from '../live/index.js';

/** A push before it is stamped with the time it is written. */
export type PushDraft = Omit<NewPush, 'at'>;

/**
 * What the meeting rooms are told about one event. Pure: the projector writes the result to the live topic,
 * from which every conference instance fans out to its sockets.
 */
export function casePushes(event: CaseEvent, view: CaseView, meetings: Meeting[]): PushDraft[] {
  // No meeting running with the case (a replay, a backlog): nothing to tell, and no search of the timeline.
  if (meetings.length === 0) return [];
  const pushes: PushDraft[] = [];
  const entry = view.timeline.find((e) => e.eventId === event.id);
  for (const meeting of meetings) {
    const base = { meetingId: meeting.meetingId, caseRef: view.caseRef, sourceId: event.id };
    if (event.type.endsWith('.research.returned.v1')) {
      pushes.push({ ...base, kind: 'case.updated', sharing: 'partnership', audience: null, payload: { reason: 'research_returned', agency: event.agency } });
      continue;
    }
    if (!entry) continue;
    // The one visibility rule, consent included, written into the push so every instance filters it alike.
    const judged = narrowByConsent(entry, consentOf(view));
    const visibility = { sharing: judged.sharing === 'partnership' ? 'partnership' as const : 'restricted' as const, audience: judged.sharing === 'partnership' ? null : [...(judged.audience ?? [])] };
    pushes.push({ ...base, kind: 'timeline.entry', ...visibility, payload: { entry: sharedEntry(entry) } });
    if (event.type === 'health.concern.flagged.v1' && meeting.status === 'running') {
      pushes.push({
        ...base, kind: 'alert', ...visibility,
        payload: { alert: 'health_concern', category: event.data.category, severity: event.data.severity, concernRef: event.data.concernRef, eventId: event.id },
      });
    }
    if (/\.action\.(assigned|updated|accepted|completed|declined)\.v1$/.test(event.type)) {
      const actionId = (event.data as { actionId: string }).actionId;
      pushes.push({ ...base, kind: 'action.changed', sharing: 'partnership', audience: null, payload: { action: view.actions.find((a) => a.actionId === actionId) ?? null } });
    }
  }
  return pushes;
}

export function meetingPushes(event: CaseEvent, meeting: Meeting): PushDraft[] {
  const base = { meetingId: meeting.meetingId, caseRef: null, sourceId: event.id, sharing: 'partnership' as const, audience: null };
  if (event.type === 'conference.agenda.moved.v1') {
    return [{ ...base, kind: 'agenda.moved', payload: { position: meeting.position, caseRef: event.data.caseRef } }];
  }
  return [{ ...base, kind: 'meeting.state', payload: { status: meeting.status, agenda: meeting.agenda, position: meeting.position, title: meeting.title } }];
}

/**
 * When a meeting starts, each action on its cases that is still to be done and past its due date is raised as an
 * alert in the room, so the meeting chases it first. One push per action (its own source), partnership business.
 */
export function overdueActionAlerts(event: CaseEvent, meeting: Meeting, views: ReadonlyMap<string, CaseView>): PushDraft[] {
  if (event.type !== 'conference.meeting.started.v1') return [];
  const today = event.occurredat.slice(0, 10);
  const pushes: PushDraft[] = [];
  for (const caseRef of meeting.agenda) {
    for (const action of views.get(caseRef)?.actions ?? []) {
      if ((action.status !== 'open' && action.status !== 'accepted') || action.dueOn === null || action.dueOn >= today) continue;
      pushes.push({
        meetingId: meeting.meetingId, caseRef, sourceId: `${event.id}/${action.actionId}`, kind: 'alert', sharing: 'partnership', audience: null,
        payload: { alert: 'action_overdue', actionId: action.actionId, owner: action.owner, description: action.description, dueOn: action.dueOn, status: action.status },
      });
    }
  }
  return pushes;
}
