import { describe, expect, it } from 'vitest';
import { createEvent, createRecordEvent, type CaseEvent } from '@convene/shared/contracts';
import type { AdvocacyRecord } from '../db/records.js';
import { advocacyRecords } from './records.js';

const subjects = [{ role: 'victim' as const, tokens: ['lt1.nhs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }];
const at = '2026-11-02T09:00:00.000Z';

/** Given these events, the record they fold into (the store appends each event id as it writes). */
function given(events: CaseEvent[], from?: AdvocacyRecord): AdvocacyRecord | undefined {
  return events.reduce<AdvocacyRecord | undefined>((record, event) => {
    const next = advocacyRecords.evolve(record, event);
    return next && { ...next, eventIds: [...next.eventIds, event.id] };
  }, from);
}

const engaged = createEvent('advocacy.victim.engaged.v1', {
  occurredAt: at, sharing: 'partnership', subjects, data: { engagementRef: 'ENG-1', consent: 'limited', consentGivenOn: '2026-11-01', limitedTo: ['police'] },
});
const revoked = (engagementRef = 'ENG-1') => createEvent('advocacy.consent.revoked.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { engagementRef, revokedOn: '2026-11-20' } });
const view = (engagementRef = 'ENG-1') => createEvent('advocacy.victim.view.recorded.v1', {
  occurredAt: at, sharing: 'partnership', subjects, data: { engagementRef, ownViewOfRisk: 'high', wishes: 'To move house', fears: 'That he finds her' },
});
const plan = (engagementRef = 'ENG-1') => createEvent('advocacy.safety_plan.updated.v1', {
  occurredAt: at, sharing: 'partnership', subjects, data: { engagementRef, measures: ['Panic alarm fitted'], reviewOn: '2026-12-01' },
});

describe('the advocacy read model, folded', () => {
  it('files an engagement as active, with its consent and sharing', () => {
    expect(advocacyRecords.refOf(engaged)).toBe('ENG-1');
    expect(given([engaged])).toMatchObject({
      _id: 'ENG-1', kind: 'engagement', status: 'active', subjects, occurredAt: new Date(at),
      detail: { engagementRef: 'ENG-1', consent: 'limited', consentGivenOn: '2026-11-01', limitedTo: ['police'], sharing: 'partnership' }, eventIds: [engaged.id],
    });
  });

  it('keeps the victim\'s latest view and safety plan, and a revocation, on their engagement', () => {
    const v = view();
    const p = plan();
    const r = revoked();
    expect(given([engaged, v, p, r])).toMatchObject({
      status: 'revoked',
      detail: {
        consent: 'limited', revokedOn: '2026-11-20',
        latestView: { ownViewOfRisk: 'high', wishes: 'To move house', fears: 'That he finds her', occurredAt: at, eventId: v.id },
        safetyPlan: { measures: ['Panic alarm fitted'], reviewOn: '2026-12-01', occurredAt: at, eventId: p.id },
      },
      eventIds: [engaged.id, v.id, p.id, r.id],
    });
    expect(given([engaged, v])?.detail.latestView).not.toHaveProperty('engagementRef');
  });

  it('sets an engagement up only once: applying it again undoes no later revocation, view or plan', () => {
    const later = given([engaged, view(), plan(), revoked()]);
    expect(advocacyRecords.evolve(later, engaged)).toBe(later);
  });

  it('records nothing for a revocation, view or plan of an engagement it does not hold', () => {
    for (const event of [revoked('ENG-9'), view('ENG-9'), plan('ENG-9')]) expect(advocacyRecords.evolve(undefined, event)).toBeUndefined();
  });

  it('files diary entries and referrals under their own references', () => {
    // A diary entry may stay with advocacy: built as a record, which the bus would refuse.
    const entry = createRecordEvent('advocacy.diary.entry.v1', {
      occurredAt: at, sharing: 'agency', subjects, data: { entryRef: 'DIA-1', behaviours: ['following'], happenedAt: at, place: 'Bus stop', account: 'He was there again' },
    });
    const referral = createEvent('advocacy.referral.made.v1', {
      occurredAt: at, sharing: 'partnership', subjects,
      data: { referralRef: 'REF-1', criterion: 'professional_judgement', reason: 'Escalating', people: [{ role: 'victim', tokens: subjects[0]!.tokens }] },
    });
    expect(given([entry])).toMatchObject({ _id: 'DIA-1', kind: 'diary_entry', detail: { place: 'Bus stop', sharing: 'agency' }, eventIds: [entry.id] });
    expect(given([referral])).toEqual({ _id: 'REF-1', kind: 'referral', subjects, occurredAt: new Date(at), detail: { criterion: 'professional_judgement' }, eventIds: [referral.id] });
  });
});
