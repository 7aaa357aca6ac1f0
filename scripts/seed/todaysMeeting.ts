/** The meetings the demo opens on: next week's, scheduled, and today's, already running when the demo joins. */
import { requestDisclosure } from './disclosures.js';
import { atTime, scheduleMeeting } from './meetings.js';
import type { Agendas } from './plan.js';
import { DAY, type SeedRun } from './run.js';

export async function scheduleNextWeekAndStartToday(run: SeedRun, agendas: Agendas): Promise<{ next: string; running: string }> {
  run.progress.step('scheduling next week\'s meeting and starting today\'s');
  const now = run.now.getTime();
  const next = await scheduleMeeting(run, atTime(new Date(now + 7 * DAY), 9, 30), agendas.next);
  // Scheduled for the quarter hour 15 to 30 minutes ago, so it has been running a while when the demo opens.
  const runningWhen = new Date(Math.floor((now - 15 * 60_000) / (15 * 60_000)) * 15 * 60_000).toISOString();
  const running = await scheduleMeeting(run, runningWhen, agendas.running);
  for (const c of run.cases.values()) for (const d of c.scenario.disclosures ?? []) if (d.meeting === 'running') await requestDisclosure(run, c, d.spec);
  await run.conference(`/meetings/${running}/start`);
  return { next, running };
}
