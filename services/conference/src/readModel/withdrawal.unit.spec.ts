import { describe, expect, it } from 'vitest';
import { canView } from '@convene/shared/sharing';
import { diary, incident, listed, make, replay, victimView } from '../../../../tests/fixtures/caseEvents.js';
import { consentOf, viewFor } from './visibility.js';

const engaged = (daysAgo: number, consent: 'full' | 'limited' = 'full', limitedTo?: ('police' | 'cps' | 'health')[]) =>
  make('advocacy.victim.engaged.v1', { engagementRef: 'ENG-1', consent, consentGivenOn: '2026-06-01', ...(limitedTo ? { limitedTo } : {}) }, { daysAgo });
const revoked = (daysAgo: number) => make('advocacy.consent.revoked.v1', { engagementRef: 'ENG-1', revokedOn: '2026-10-20' }, { daysAgo });

describe('consent revoked takes back what advocacy shared', () => {
  it('withdraws the victim\'s advocacy records, keeps a marker, and keeps other agencies\' records', () => {
    const notes = [diary(['following'], { daysAgo: 30 }), victimView('high', { daysAgo: 25 })];
    const police = incident(['messages'], { daysAgo: 28 });
    const view = replay([listed(), engaged(40), ...notes, police, revoked(10)]);
    const ids = view.timeline.map((e) => e.eventId);
    for (const n of notes) expect(ids).not.toContain(n.id);
    expect(ids).toContain(police.id);
    expect(view.risk.victimView.advocacy).toBeNull();
    expect(view.victimVoice).toEqual({ statement: null, safetyPlan: null, household: null, advocate: null, safeContact: null });
    expect(replay([listed(), engaged(40), ...notes]).victimVoice.statement).toMatchObject({ wishes: 'To feel safe at home' });
    const marker = view.timeline.find((e) => e.facts.on === 'consent_revoked')!;
    expect(marker.summary).toBe('Withdrawn: consent revoked on 2026-10-20 (2 advocacy records taken back)');
    expect(JSON.stringify(view)).not.toContain('Seen outside again');
  });

  it('withdraws a record recorded before the revocation that arrives after it, and a redelivery cannot bring it back', () => {
    const late = diary(['loitering_work'], { daysAgo: 30 });
    const [listing, engagement, revocation] = [listed(), engaged(40), revoked(10)];
    const view = replay([listing, engagement, revocation, late, late]);
    expect(view.timeline.map((e) => e.eventId)).not.toContain(late.id);
    expect(view.appliedEventIds).toContain(late.id);
    expect(replay([listing, engagement, late, revocation])).toEqual(view);
  });

  it('keeps what the victim shares again after a new engagement', () => {
    const after = diary(['gifts'], { daysAgo: 2 });
    const view = replay([listed(), engaged(40), revoked(10), engaged(5), after]);
    expect(view.timeline.map((e) => e.eventId)).toContain(after.id);
  });

  it('limited consent narrows who sees advocacy records, on the case view as on every other path', () => {
    const note = diary(['following'], { daysAgo: 30 });
    const view = replay([listed(), engaged(40, 'limited', ['police']), note]);
    expect(viewFor(view, { agency: 'police', role: 'police' }).timeline.map((e) => e.eventId)).toContain(note.id);
    expect(viewFor(view, { agency: 'conference', role: 'chair' }).timeline.map((e) => e.eventId)).toContain(note.id);
    expect(viewFor(view, { agency: 'cps', role: 'cps' }).timeline.map((e) => e.eventId)).not.toContain(note.id);
    const entry = view.timeline.find((e) => e.eventId === note.id)!;
    expect(canView(entry, { agency: 'cps', role: 'cps' }, consentOf(view))).toBe(false);
  });
});
