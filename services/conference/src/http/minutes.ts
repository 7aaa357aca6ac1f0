import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { minutesHtml } from '../minutes/html.js';
import { minutesOf } from '../minutes/minutes.js';
import { minutesPdf } from '../minutes/pdf.js';
import { viewFor } from '../readModel/index.js';
import { agendaFor } from './agendaAccess.js';
import { attachment } from './attachment.js';
import type { ConferenceDeps } from './deps.js';

const MeetingParams = z.object({ meetingId: z.uuid() });

/**
 * A meeting's minutes, generated from it: the cases discussed, the risk decisions with their rationale, the
 * actions agreed with owners and due dates, and the attendance. For the meeting's members (and chair) only, with
 * the same access as the agenda, each read audited; what a reader may not see of a case is not in their copy.
 */
export function minutesRoutes(deps: ConferenceDeps): RouteSpec[] {
  async function minutesFor(meetingId: string, principal: Parameters<typeof agendaFor>[2], action: string) {
    const meeting = await deps.meetings.get(meetingId);
    const { at, views } = await agendaFor(deps, meeting, principal, action);
    const viewer = { agency: principal.agency, role: principal.role };
    return minutesOf(meeting, views.map((v) => viewFor(v, viewer)), at);
  }
  return [
    defineRoute({
      method: 'get', path: '/meetings/:meetingId/minutes.html', operationId: 'getMinutesHtml', tag: 'meetings', permission: 'meetings.read',
      summary: 'The meeting\'s minutes as one accessible HTML page marked OFFICIAL-SENSITIVE (members only)', params: MeetingParams, errors: [403, 404],
      success: { status: 200, description: 'Cases discussed, risk decisions with rationale, actions with owners and due dates, attendance', schema: z.string().meta({ description: 'UTF-8 HTML' }), contentType: 'text/html' },
      handler: async ({ params, principal, res }) => {
        const html = minutesHtml(await minutesFor(params.meetingId, principal, 'meeting.minutes.html'));
        attachment(res, `minutes-${params.meetingId}.html`);
        return html;
      },
    }),
    defineRoute({
      method: 'get', path: '/meetings/:meetingId/minutes.pdf', operationId: 'getMinutesPdf', tag: 'meetings', permission: 'meetings.read',
      summary: 'The meeting\'s minutes as a PDF marked OFFICIAL-SENSITIVE (members only)', params: MeetingParams, errors: [403, 404],
      success: { status: 200, description: 'A PDF document', schema: z.string().meta({ format: 'binary', description: 'A PDF document' }), contentType: 'application/pdf' },
      handler: async ({ params, principal, res }) => {
        const pdf = await minutesPdf(await minutesFor(params.meetingId, principal, 'meeting.minutes.pdf'));
        attachment(res, `minutes-${params.meetingId}.pdf`);
        return pdf;
      },
    }),
  ];
}
