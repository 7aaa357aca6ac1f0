import { describe, expect, it } from 'vitest';
import { monthWindow, type StatisticCell } from '@convene/shared/statistics';
import { CASE, listed, make, NOW, replay, risk, victimView } from '../../../../tests/fixtures/caseEvents.js';
import { buildFigures } from './figures.js';
import { conferenceCells } from './measures.js';
import { figuresCsv } from './csv.js';
import type { PublishedFigures } from './store.js';

const cell = (measure: string, value: number | null, breakdown?: string): StatisticCell => ({
  measure, ...(breakdown ? { breakdown } : {}), value, suppressed: value === null,
});

const police = (cells: StatisticCell[], month = '2026-03'): PublishedFigures => ({
  agency: 'police', month, eventId: '00000000-0000-4000-8000-000000000001', publishedAt: '2026-04-01T06:00:00.000Z', suppressionThreshold: 5, cells,
});

describe('scrutiny figures', () => {
  it('derives SPO applications per stalking offence and the declined DASH rate from published cells', () => {
    const f = buildFigures([police([
      cell('offences.current_class', 6, 'pha_s2a'), cell('offences.current_class', 14, 'pha_s4a'), cell('spo.applications', 5),
      cell('dash', 5, 'completed'), cell('dash', 15, 'declined'),
    ])], '2026-03', '2026-03', NOW, 5);
    expect(f.months[0]!.derived.spoApplicationsPerStalkingOffence).toEqual({ value: 0.25, numerator: 5, denominator: 20, reason: null });
    expect(f.months[0]!.derived.declinedAssessmentRate).toEqual({ value: 0.75, numerator: 15, denominator: 20, reason: null });
  });

  it('gives no ratio over a suppressed cell, and says why', () => {
    const f = buildFigures([police([cell('offences.current_class', 6, 'pha_s2a'), cell('offences.current_class', null, 'pha_s4a'), cell('spo.applications', 7)])], '2026-03', '2026-03', NOW, 5);
    const ratio = f.months[0]!.derived.spoApplicationsPerStalkingOffence;
    expect(ratio.value).toBeNull();
    expect(ratio.reason).toEqual({ code: 'suppressed', message: 'police offences.current_class (pha_s4a) is suppressed' });
  });

  it('lists every month and agency, unpublished ones as such', () => {
    const f = buildFigures([police([], '2026-02')], '2026-01', '2026-03', NOW, 5);
    expect(f.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(f.months[1]!.agencies.map((a) => [a.agency, a.published])).toEqual([['police', true], ['cps', false], ['health', false], ['advocacy', false], ['conference', false]]);
    expect(f.months[0]!.derived.declinedAssessmentRate.reason?.code).toBe('not_published');
  });

  it('exports CSV headed with the period, time generated and suppression rule', () => {
    const csv = figuresCsv(buildFigures([police([cell('spo.applications', null)])], '2026-03', '2026-03', NOW, 5));
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['Convene partnership scrutiny figures', 'Period,2026-03', `Generated,${NOW.toISOString()}`]);
    expect(lines[3]).toMatch(/^Suppression,.*1 to 4/);
    expect(lines).toContain('Period,From,To,Agency,Measure,Breakdown,Figure,Value,Suppressed,Published at');
    expect(lines).toContain('March 2026,2026-03,2026-03,Police,spo.applications,,Stalking Protection Order applications,suppressed,yes,2026-04-01T06:00:00.000Z');
  });

  it('gives each quarter and the year ending it from the release at its end, with the ratio over the quarter', () => {
    const march: PublishedFigures = {
      ...police([cell('spo.applications', null), cell('offences.current_class', null, 'pha_s2a'), cell('offences.current_class', 0, 'pha_s4a')]),
      periods: [
        { period: 'quarter', from: '2026-01', to: '2026-03', cells: [cell('spo.applications', 6), cell('offences.current_class', 12, 'pha_s2a'), cell('offences.current_class', 0, 'pha_s4a')] },
        { period: 'rolling_12_months', from: '2025-04', to: '2026-03', cells: [cell('spo.applications', null), cell('offences.current_class', 40, 'pha_s2a'), cell('offences.current_class', 8, 'pha_s4a')] },
      ],
    };
    const f = buildFigures([march, police([], '2026-02')], '2026-01', '2026-04', NOW, 5);
    expect(f.months[2]!.derived.spoApplicationsPerStalkingOffence.value).toBeNull();
    expect(f.quarters.map((q) => [q.label, q.from, q.to])).toEqual([['January to March 2026', '2026-01', '2026-03']]);
    expect(f.quarters[0]!.derived.spoApplicationsPerStalkingOffence).toEqual({ value: 0.5, numerator: 6, denominator: 12, reason: null });
    expect(f.years[0]!.label).toBe('Year ending March 2026');
    expect(f.years[0]!.derived.spoApplicationsPerStalkingOffence.reason).toEqual({ code: 'suppressed', message: 'police spo.applications is suppressed' });
    // An agency whose release for March carries no periods has not published the quarter.
    expect(f.quarters[0]!.agencies.filter((a) => a.published).map((a) => a.agency)).toEqual(['police']);
    const csv = figuresCsv(f).split('\r\n');
    expect(csv).toContain('January to March 2026,2026-01,2026-03,Police,spo.applications,,Stalking Protection Order applications,6,no,2026-04-01T06:00:00.000Z');
    expect(csv).toContain('Year ending March 2026,2025-04,2026-03,Partnership,derived.spo_applications_per_stalking_offence,,SPO applications per stalking offence (s2A + s4A),not given (police spo.applications is suppressed),yes,');
  });
});

describe("the conference's own figures", () => {
  const window = monthWindow('2026-10');
  const cells = (views: Parameters<typeof conferenceCells>[0], meetings: Parameters<typeof conferenceCells>[1] = []) => conferenceCells(views, meetings, window, NOW);
  const value = (c: ReturnType<typeof conferenceCells>, measure: string, breakdown?: string) => c.find((x) => x.measure === measure && x.breakdown === breakdown)?.value;

  it('counts repeat listings and the days from listing to first meeting', () => {
    const view = replay([listed({ daysAgo: 20, repeatOf: 'CNV-2026-000009' })]);
    const c = cells([view], [{ agenda: [CASE], scheduledFor: '2026-10-25T10:00:00Z', startedAt: null }, { agenda: [CASE], scheduledFor: '2026-10-30T10:00:00Z', startedAt: null }]);
    expect(value(c, 'referrals.repeat')).toBe(1);
    expect(c.find((x) => x.measure === 'referral_to_meeting.median_days')).toEqual({ measure: 'referral_to_meeting.median_days', value: 14, base: 1 });
  });

  it('counts actions assigned, completed and overdue by agency as they stood at the cut-off', () => {
    const assign = (actionId: string, dueOn: string, daysAgo: number) => make('conference.action.assigned.v1', {
      actionId, caseRef: CASE, agency: 'police', description: 'Do it', dueOn, assignedBy: { userId: 'chair-1' },
    }, { daysAgo });
    const a1 = '00000000-0000-4000-8000-0000000000a1';
    const a2 = '00000000-0000-4000-8000-0000000000a2';
    const view = replay([
      listed({ daysAgo: 20 }), assign(a1, '2026-10-20', 15), assign(a2, '2026-10-20', 15),
      make('police.action.completed.v1', { actionId: a1, caseRef: CASE, outcome: 'Done', completedBy: { userId: 'pc-1' } }, { daysAgo: 5 }),
    ]);
    const c = cells([view]);
    expect([value(c, 'actions.assigned', 'police'), value(c, 'actions.completed', 'police'), value(c, 'actions.overdue', 'police'), value(c, 'actions.overdue', 'cps')]).toEqual([2, 1, 1, 0]);
  });

  it("counts open cases where the victim's own view is higher than the assessed grade", () => {
    const higher = replay([listed({ daysAgo: 20 }), risk('standard', { daysAgo: 10 }), victimView('high', { daysAgo: 5 })]);
    const same = replay([listed({ daysAgo: 20 }), risk('high', { daysAgo: 10 }), victimView('high', { daysAgo: 5 })]);
    expect(value(cells([higher, same]), 'cases.victim_view_higher')).toBe(1);
  });
});
