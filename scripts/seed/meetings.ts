/** Scheduling a stalking clinic the way the chair does: everyone who works on cases invited, cases on the agenda. */
import { meetingMembers } from './people.js';
import type { SeedRun } from './run.js';

/** `day` at hh:mm UTC, as an ISO timestamp. */
export function atTime(day: Date, hours: number, minutes = 0): string {
  const d = new Date(day);
  d.setUTCHours(hours, minutes, 0, 0);
  return d.toISOString();
}

function dateTitle(when: string): string {
  return new Date(when).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/** Schedule a meeting at `when` with these scenarios' cases on its agenda, in order; its id. */
export async function scheduleMeeting(run: SeedRun, when: string, agenda: string[]): Promise<string> {
  const meeting = await run.conference<{ meetingId: string }>('/meetings', {
    title: `Stalking clinic (MASIP), ${dateTitle(when)}`, scheduledFor: when, members: meetingMembers(),
    agenda: agenda.map((key) => run.caseOf(key).caseRef!),
  });
  return meeting.meetingId;
}
