import type {
  AssignActionCommand, AssignedAction, CancelActionCommand, CommandInput, DecisionRecorded, MoveAgendaCommand, ReassignActionCommand, RecordAttendanceCommand, ReviewCaseCommand,
  ScheduleMeetingCommand, TransferCaseCommand, AreaRequestCommand,
} from '@convene/shared/contracts';
import { getJson, postJson, request } from './http';
import type { AgendaLine, CaseResponse, CaseSummary, ChronologyReport, DemoPersonView, MeetingView, Principal, ScrutinyFigures } from './types';

/** `YYYY-MM` to `YYYY-MM`, both included, as the service takes a period: its last month and how many months it spans. */
function period(from: string, to: string): string {
  const index = (month: string) => { const [y, m] = month.split('-').map(Number) as [number, number]; return y * 12 + m; };
  return `to=${encodeURIComponent(to)}&months=${index(to) - index(from) + 1}`;
}

/** The conference service's API, called on the page's own origin. */
export const conference = {
  devPeople: () => getJson<DemoPersonView[]>('/auth/dev/people'),
  devToken: (personId: string) => postJson<{ token: string; principal: Principal }>('/auth/dev/token', { personId }, { auth: false }),

  meetings: () => getJson<MeetingView[]>('/meetings'),
  meeting: (id: string) => getJson<MeetingView>(`/meetings/${encodeURIComponent(id)}`),
  agenda: (id: string) => getJson<AgendaLine[]>(`/meetings/${encodeURIComponent(id)}/agenda`),
  scheduleMeeting: (body: CommandInput<typeof ScheduleMeetingCommand>) => postJson<MeetingView>('/meetings', body),
  start: (id: string) => postJson<MeetingView>(`/meetings/${encodeURIComponent(id)}/start`),
  end: (id: string) => postJson<MeetingView>(`/meetings/${encodeURIComponent(id)}/end`),
  move: (id: string, position: number) => postJson<MeetingView>(`/meetings/${encodeURIComponent(id)}/move`, { position } satisfies CommandInput<typeof MoveAgendaCommand>),

  cases: () => getJson<CaseSummary[]>('/cases?status=listed'),
  caseView: (caseRef: string, options: { ordersOn?: string } = {}) =>
    getJson<CaseResponse>(`/cases/${encodeURIComponent(caseRef)}${options.ordersOn ? `?ordersOn=${encodeURIComponent(options.ordersOn)}` : ''}`),
  review: (caseRef: string, body: CommandInput<typeof ReviewCaseCommand>) => postJson<DecisionRecorded>(`/cases/${encodeURIComponent(caseRef)}/review`, body),
  assignAction: (caseRef: string, body: CommandInput<typeof AssignActionCommand>) =>
    postJson<AssignedAction>(`/cases/${encodeURIComponent(caseRef)}/actions`, body),
  askArea: (caseRef: string, body: CommandInput<typeof AreaRequestCommand>) => postJson<DecisionRecorded>(`/cases/${encodeURIComponent(caseRef)}/area-requests`, body),
  transferCase: (caseRef: string, body: CommandInput<typeof TransferCaseCommand>) => postJson<DecisionRecorded>(`/cases/${encodeURIComponent(caseRef)}/transfer`, body),
  remindResearch: (caseRef: string) => postJson<DecisionRecorded>(`/cases/${encodeURIComponent(caseRef)}/research-reminders`, {}),
  recordAttendance: (meetingId: string, body: CommandInput<typeof RecordAttendanceCommand>) =>
    postJson<MeetingView>(`/meetings/${encodeURIComponent(meetingId)}/attendance`, body),
  /** The minutes as a file, fetched with the bearer token. */
  minutes: async (meetingId: string, format: 'html' | 'pdf') => (await request(`/meetings/${encodeURIComponent(meetingId)}/minutes.${format}`)).blob(),
  cancelAction: (caseRef: string, actionId: string, body: CommandInput<typeof CancelActionCommand>) =>
    postJson<DecisionRecorded>(`/cases/${encodeURIComponent(caseRef)}/actions/${encodeURIComponent(actionId)}/cancel`, body),
  reassignAction: (caseRef: string, actionId: string, body: CommandInput<typeof ReassignActionCommand>) =>
    postJson<AssignedAction>(`/cases/${encodeURIComponent(caseRef)}/actions/${encodeURIComponent(actionId)}/reassign`, body),

  historyCheck: (requestRef: string) => getJson<ChronologyReport>(`/history-checks/${encodeURIComponent(requestRef)}`),
  /** The export as a file, fetched with the bearer token (a plain link could not carry it). */
  historyExport: async (requestRef: string, format: 'csv' | 'pdf' | 'html') => (await request(`/history-checks/${encodeURIComponent(requestRef)}/export.${format}`)).blob(),

  /** Partnership figures for whole months, `YYYY-MM` to `YYYY-MM` (both included). */
  scrutinyFigures: (from: string, to: string) => getJson<ScrutinyFigures>(`/scrutiny/figures?${period(from, to)}`),
  scrutinyExport: async (from: string, to: string, format: 'csv' | 'pdf') => (await request(`/scrutiny/figures.${format}?${period(from, to)}`)).blob(),
};
