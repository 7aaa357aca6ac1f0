import { PartnerAgency } from '@convene/shared/contracts';
import { count, countsBy, daysBetween, median, medianOf, within, type MonthWindow, type RawCell } from '@convene/shared/statistics';
import type { CaseView, TimelineEntry } from '../readModel/index.js';
import { project } from '../readModel/project.js';
import { victimViewHigher } from '../readModel/signals/risk.js';

/** What the conference's own figures need of a meeting: when it met and what was on its agenda. */
export interface MeetingDates {
  agenda: string[];
  scheduledFor: string;
  startedAt: string | null;
}

const before = (at: string, cutoff: Date) => Date.parse(at) < cutoff.getTime();
const isReferral = (e: TimelineEntry) => e.type.endsWith('.referral.made.v1');

/** A case as it stood at an instant: its timeline up to then, folded again. */
function asAt(view: CaseView, cutoff: Date): CaseView {
  const timeline = view.timeline.filter((e) => before(e.occurredAt, cutoff));
  return { ...view, ...project(timeline), timeline };
}

/** When a case first met: the earliest start (else scheduled time) of a meeting with it on the agenda. */
function firstMeeting(caseRef: string, meetings: readonly MeetingDates[]): string | undefined {
  const times = meetings.filter((m) => m.agenda.includes(caseRef)).map((m) => m.startedAt ?? m.scheduledFor);
  return times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}

/**
 * Actions overdue at the cut-off: assigned before it, due on a day that ended by then, and still open or
 * accepted as it stood then.
 */
function overdueOwners(view: CaseView, cutoff: Date): PartnerAgency[] {
  const then = asAt(view, cutoff);
  const cutoffDay = cutoff.toISOString().slice(0, 10);
  return then.actions
    .filter((a) => a.dueOn !== null && a.dueOn < cutoffDay && a.owner !== null && (a.status === 'open' || a.status === 'accepted'))
    .map((a) => a.owner!);
}

/**
 * The conference's own figures for one month, from its case views and meetings: referrals received (by
 * referring agency) and those that repeat a case closed in the last 12 months; median whole days from a
 * case's listing to its first meeting (cases listed in the month that have met); actions assigned,
 * completed and overdue by agency; cases closed; open cases where the victim's own view of risk was higher
 * than the assessed grade. "Overdue" and "view higher" are as things stood at the month's end, or now for
 * the current month.
 */
export function conferenceCells(views: readonly CaseView[], meetings: readonly MeetingDates[], window: MonthWindow, now: Date): RawCell[] {
  const cutoff = new Date(Math.min(window.to.getTime(), now.getTime()));
  const entries = views.flatMap((v) => v.timeline.filter((e) => within(e.occurredAt, window)).map((e) => ({ view: v, e })));
  const referrals = entries.filter(({ e }) => isReferral(e)).map(({ e }) => e.agency);
  const listings = entries.filter(({ e }) => e.facts.on === 'listing');
  const toMeeting = listings.flatMap(({ view, e }) => {
    const met = firstMeeting(view.caseRef, meetings);
    return met ? [Math.max(0, daysBetween(e.occurredAt, met))] : [];
  });
  const actionOwner = (view: CaseView, actionId: string) => view.actions.find((a) => a.actionId === actionId)?.owner ?? null;
  const assigned = entries.flatMap(({ e }) => (e.facts.on === 'action' && e.facts.assigned ? [e.facts.assigned.owner] : []));
  const completed = entries.flatMap(({ view, e }) => {
    if (e.facts.on !== 'action' || e.facts.status !== 'completed') return [];
    const owner = actionOwner(view, e.facts.actionId);
    return owner ? [owner] : [];
  });
  const openInMonth = views.filter((v) => v.listedAt !== null && before(v.listedAt, cutoff) && (v.closedAt === null || !before(v.closedAt, window.from)));
  return [
    ...countsBy('referrals', ['police', 'health', 'advocacy'] as const, referrals.filter((a): a is 'police' | 'health' | 'advocacy' => a !== 'cps' && a !== 'conference')),
    count('referrals.repeat', listings.filter(({ e }) => e.facts.on === 'listing' && e.facts.repeatOf !== null).length),
    medianOf('referral_to_meeting.median_days', median(toMeeting), toMeeting.length),
    ...countsBy('actions.assigned', PartnerAgency.options, assigned),
    ...countsBy('actions.completed', PartnerAgency.options, completed),
    ...countsBy('actions.overdue', PartnerAgency.options, openInMonth.flatMap((v) => overdueOwners(v, cutoff))),
    count('cases.closed', entries.filter(({ e }) => e.facts.on === 'closure').length),
    // Against a grade only, as the measure is labelled: a view with no assessment at all is counted by the DASH measures.
    count('cases.victim_view_higher', openInMonth.filter((v) => victimViewHigher(asAt(v, cutoff)).some((s) => s.kind === 'victim_view_higher' && s.assessedGrade !== null)).length),
  ];
}

/** Counted as things stood at a window's end: a quarter or a year would only repeat its last month. */
export const STOCK_MEASURES = ['actions.overdue', 'cases.victim_view_higher'] as const;

/** How much happened in the month: nothing means there is nothing to publish automatically. */
export function activityIn(views: readonly CaseView[], window: MonthWindow): number {
  return views.reduce((n, v) => n + v.timeline.filter((e) => within(e.occurredAt, window)).length, 0);
}
