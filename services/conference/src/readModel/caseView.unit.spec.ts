import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '@convene/shared/contracts';
import { evolve, initialView } from './caseView.js';
import {
  CASE, NOW, OTHER_CASE, breach, diary, incident, listed, make, nextId, replay, restrainingOrder, reviewed, risk,
  spoApplied, spoGranted, suspectToken, victimToken, victimView,
} from '../../../../tests/fixtures/caseEvents.js';

describe('case view: listing and timeline', () => {
  it('starts empty and pending until the listing arrives', () => {
    const view = initialView(CASE);
    expect(view).toMatchObject({ caseRef: CASE, status: 'pending', timeline: [], appliedEventIds: [], listedAt: null });
  });

  it('takes people, referral, repeat and subject tokens from the listing', () => {
    const e = listed({ repeatOf: OTHER_CASE });
    const view = evolve(initialView(CASE), e);
    expect(view.status).toBe('listed');
    expect(view.listedAt).toBe(e.occurredat);
    expect(view.listingEventId).toBe(e.id);
    expect(view.referral).toMatchObject({ agency: 'police', criterion: 'high_risk' });
    expect(view.repeatOf).toBe(OTHER_CASE);
    expect(view.people.map((p) => [p.role, p.given])).toEqual([['victim', 'Vicky'], ['suspect', 'Alex']]);
    expect(view.subjectTokens).toEqual({ victim: [victimToken], suspect: [suspectToken], child: [], other: [] });
    expect(view.timeline[0]).toMatchObject({ kind: 'listing', agency: 'conference', sharing: 'partnership' });
  });

  it('keeps the timeline sorted by occurredat, placing a late event by when it happened', () => {
    const first = incident(['messages'], { daysAgo: 20 });
    const second = incident(['following'], { daysAgo: 10 });
    const late = diary(['loitering_home'], { daysAgo: 15 });
    const view = replay([first, second, late]);
    const records = view.timeline.filter((e) => e.kind !== 'listing');
    expect(records.map((e) => e.eventId)).toEqual([first.id, late.id, second.id]);
    expect(records[1]).toMatchObject({ kind: 'diary', agency: 'advocacy', behaviours: ['loitering_home'] });
  });

  it('records an incident with its behaviours, offence class and a summary without names', () => {
    const view = replay([listed(), incident(['messages', 'gifts'], { offenceClass: 'pha_s2' })]);
    const entry = view.timeline.find((e) => e.kind === 'incident')!;
    expect(entry).toMatchObject({ summary: 'Incident: messages, gifts (PHA s2)', behaviours: ['messages', 'gifts'], offenceClass: 'pha_s2' });
    for (const e of view.timeline) expect(e.summary).not.toMatch(/Vicky|Victimson|Alex|Suspectson|1990|1980/);
  });

  it('marks the case closed', () => {
    const closed = make('conference.case.closed.v1', { caseRef: CASE, reason: 'risk_reduced', closedBy: { userId: 'chair-1' } }, { daysAgo: 1 });
    const view = replay([listed(), closed]);
    expect(view).toMatchObject({ status: 'closed', closedAt: closed.occurredat });
  });
});

describe('case view: risk', () => {
  it('keeps the latest police assessment by when it happened, not by delivery', () => {
    const older = risk('medium', { daysAgo: 20 });
    const newer = risk('high', { daysAgo: 5, yesCount: 15 });
    const view = replay([newer, older]);
    expect(view.risk.police).toMatchObject({ grade: 'high', declined: false, yesCount: 15, eventId: newer.id, at: newer.occurredat });
  });

  it('keeps the victim’s own view from police and advocacy side by side, and the conference decision', () => {
    const dash = risk('medium', { daysAgo: 20, victimOwnView: 'high' });
    const advocate = victimView('medium', { daysAgo: 3 });
    const review = reviewed('high', { daysAgo: 1 });
    const view = replay([dash, advocate, review]);
    expect(view.risk.victimView.police).toEqual({ grade: 'high', eventId: dash.id, at: dash.occurredat });
    expect(view.risk.victimView.advocacy).toEqual({ grade: 'medium', eventId: advocate.id, at: advocate.occurredat });
    expect(view.risk.conference).toMatchObject({ grade: 'high', nextReviewOn: '2026-12-01', eventId: review.id });
  });

  it('records a declined assessment with no grade', () => {
    const view = replay([risk(null)]);
    expect(view.risk.police).toMatchObject({ declined: true, grade: null, yesCount: null });
    expect(view.timeline.find((e) => e.kind === 'risk')!.summary).toBe('DASH declined by victim');
  });
});

describe('case view: orders', () => {
  it('follows an SPO from application to full grant, and links breaches to it', () => {
    const applied = spoApplied('SPO-1', { daysAgo: 40 });
    const interim = spoGranted('SPO-1', { daysAgo: 35, kind: 'interim', expiresOn: '2026-12-01' });
    const full = spoGranted('SPO-1', { daysAgo: 20, kind: 'full', expiresOn: '2028-01-01' });
    const broken = breach('SPO-1', ['following'], { daysAgo: 2 });
    const view = replay([broken, full, applied, interim]);
    expect(view.orders.spos).toEqual([{
      orderRef: 'SPO-1',
      applied: { kind: 'interim', eventId: applied.id, at: applied.occurredat },
      granted: { kind: 'full', conditions: ['No contact with the victim'], expiresOn: '2028-01-01', eventId: full.id, at: full.occurredat },
      eventIds: [applied.id, interim.id, full.id, broken.id],
    }]);
    expect(view.orders.breaches).toEqual([
      { orderRef: 'SPO-1', orderKind: 'spo', behaviours: ['following'], eventId: broken.id, at: broken.occurredat },
    ]);
  });

  it('records CPS restraining orders and knows a breach of one', () => {
    const ro = restrainingOrder('RO-1', { daysAgo: 30 });
    const broken = breach('RO-1', ['approaching'], { daysAgo: 3 });
    const view = replay([ro, broken]);
    expect(view.orders.restrainingOrders).toMatchObject([{ orderRef: 'RO-1', onConviction: true, expiresOn: null, eventIds: [ro.id, broken.id] }]);
    expect(view.orders.breaches[0]).toMatchObject({ orderRef: 'RO-1', orderKind: 'restraining_order' });
  });
});

describe('case view: actions, health, consent', () => {
  const actionId = '22222222-2222-4222-8222-222222222222';
  const assigned = () => make('conference.action.assigned.v1', {
    actionId, caseRef: CASE, agency: 'police', description: 'Consider an SPO', dueOn: '2026-11-15', assignedBy: { userId: 'chair-1' },
  }, { daysAgo: 9 });

  it('tracks an action from assignment through acceptance to completion', () => {
    const a = assigned();
    const accepted = make('police.action.accepted.v1', { actionId, caseRef: CASE, acceptedBy: { userId: 'pc-1' } }, { daysAgo: 8 });
    const done = make('police.action.completed.v1', { actionId, caseRef: CASE, outcome: 'Application made', completedBy: { userId: 'pc-1' } }, { daysAgo: 2 });
    const view = replay([done, a, accepted]);
    expect(view.actions).toEqual([{
      actionId, owner: 'police', description: 'Consider an SPO', dueOn: '2026-11-15', status: 'completed',
      statusAt: done.occurredat, outcome: 'Application made', note: null, eventIds: [a.id, accepted.id, done.id],
    }]);
  });

  it('cancels an action through conference.action.updated', () => {
    const cancel = make('conference.action.updated.v1', { actionId, caseRef: CASE, status: 'cancelled' }, { daysAgo: 1 });
    expect(replay([assigned(), cancel]).actions[0]).toMatchObject({ status: 'cancelled', owner: 'police' });
  });

  it('keeps a health concern as a flag, updated and resolved', () => {
    const flagged = make('health.concern.flagged.v1', {
      concernRef: 'HC-1', subjectRole: 'suspect', category: 'perpetrator_fixation', severity: 'medium', contact: { service: 'Mental health crisis team' },
    }, { daysAgo: 20 });
    const updated = make('health.concern.updated.v1', { concernRef: 'HC-1', severity: 'high' }, { daysAgo: 10 });
    let view = replay([updated, flagged]);
    expect(view.healthConcerns).toEqual([{
      concernRef: 'HC-1', subjectRole: 'suspect', category: 'perpetrator_fixation', severity: 'high',
      contact: { service: 'Mental health crisis team' }, status: 'open', resolution: null, eventIds: [flagged.id, updated.id],
    }]);
    view = evolve(view, make('health.concern.resolved.v1', { concernRef: 'HC-1', resolution: 'no_longer_a_concern' }, { daysAgo: 1 }));
    expect(view.healthConcerns[0]).toMatchObject({ status: 'resolved', resolution: 'no_longer_a_concern' });
  });

  it('records consent and its revocation', () => {
    const engaged = make('advocacy.victim.engaged.v1', { engagementRef: 'ENG-1', consent: 'limited', consentGivenOn: '2026-09-01', limitedTo: ['police'] }, { daysAgo: 50 });
    const revoked = make('advocacy.consent.revoked.v1', { engagementRef: 'ENG-1', revokedOn: '2026-10-20' }, { daysAgo: 11 });
    expect(replay([engaged]).consent).toMatchObject({ level: 'limited', limitedTo: ['police'], revoked: false });
    expect(replay([revoked, engaged]).consent).toMatchObject({ level: 'limited', revoked: true, revokedOn: '2026-10-20', eventId: revoked.id });
  });
});

describe('case view: idempotency and events that do not belong', () => {
  it('applying the same event twice gives the same view', () => {
    const e = incident(['following']);
    const once = replay([e]);
    const twice = evolve(once, e);
    expect(twice).toBe(once);
    expect(twice).toEqual(replay([e]));
    expect(once.appliedEventIds).toContain(e.id);
  });

  it('leaves the view unchanged for meetings, statistics and other cases', () => {
    const view = replay([listed()]);
    const unrelated: CaseEvent[] = [
      make('conference.meeting.scheduled.v1', {
        meetingId: '33333333-3333-4333-8333-333333333333', title: 'MASH', scheduledFor: NOW.toISOString(), chair: { userId: 'c' },
        members: [{ userId: 'c', agency: 'conference', role: 'chair' }], agenda: [CASE],
      }, { subject: null }),
      make('police.statistics.published.v1', { month: '2026-09', suppressionThreshold: 5, cells: [] }, { subject: null }),
      listed({ caseRef: OTHER_CASE, subject: OTHER_CASE }),
      reviewedFor(OTHER_CASE),
    ];
    for (const e of unrelated) expect(evolve(view, e)).toBe(view);
  });

  it('never takes an agency-only record', () => {
    const agencyOnly = { ...incident(['threats']), sharing: 'agency' } as CaseEvent;
    const view = initialView(CASE);
    expect(evolve(view, agencyOnly)).toBe(view);
  });
});

function reviewedFor(caseRef: string): CaseEvent {
  return make('conference.case.reviewed.v1', {
    caseRef, meetingId: '11111111-1111-4111-8111-111111111111', riskDecision: 'high', rationale: 'r', nextReviewOn: '2026-12-01',
  }, { subject: caseRef, id: nextId() });
}
