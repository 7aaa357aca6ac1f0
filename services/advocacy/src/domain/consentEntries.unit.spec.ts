import { describe, expect, it } from 'vitest';
import { createEvent, type CaseEvent } from '@convene/shared/contracts';
import type { ConsentEntry } from '../db/consentRegister.js';
import { consentEntryFold, type Registrant } from './consentEntries.js';

const tokens = ['lt1.nhs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'];
const victim: Registrant = { key: 'person-1', tokens };
const subjects = [{ role: 'victim' as const, tokens }];
const fold = consentEntryFold(victim);

/** Given these events, the victim's entry they fold into (the store appends each event id as it writes). */
function given(events: CaseEvent[]): ConsentEntry | undefined {
  return events.reduce<ConsentEntry | undefined>((entry, event) => {
    const next = fold.evolve(entry, event);
    return next && { ...next, eventIds: [...next.eventIds, event.id] };
  }, undefined);
}

const engaged = (engagementRef: string, time: string, consent: 'full' | 'none' = 'full') => createEvent('advocacy.victim.engaged.v1', {
  occurredAt: '2026-11-01T09:00:00.000Z', time, sharing: 'partnership', subjects, data: { engagementRef, consent, consentGivenOn: '2026-11-01' },
});
const revoked = (engagementRef: string) => createEvent('advocacy.consent.revoked.v1', {
  occurredAt: '2026-11-20T09:00:00.000Z', sharing: 'partnership', subjects, data: { engagementRef, revokedOn: '2026-11-20' },
});
const first = engaged('ENG-1', '2026-11-01T10:00:00.000Z');
const second = engaged('ENG-2', '2026-11-05T10:00:00.000Z', 'none');

describe('the consent register, one victim\'s entry folded', () => {
  it('keeps an engagement under the victim\'s key, as their current consent', () => {
    expect(fold.refOf(first)).toBe('person-1');
    expect(given([first])).toEqual({
      _id: 'person-1', tokens, current: { engagementRef: 'ENG-1', level: 'full', givenOn: '2026-11-01', limitedTo: [] },
      engagementRefs: ['ENG-1'], recordedAt: new Date('2026-11-01T10:00:00.000Z'), eventIds: [first.id],
    });
  });

  it('makes the newest engagement current, and lists an older one delivered late without letting it govern', () => {
    expect(given([first, second])).toMatchObject({ current: { engagementRef: 'ENG-2', level: 'none' }, engagementRefs: ['ENG-1', 'ENG-2'] });
    expect(given([second, first])).toMatchObject({
      current: { engagementRef: 'ENG-2', level: 'none' }, engagementRefs: ['ENG-2', 'ENG-1'], recordedAt: new Date('2026-11-05T10:00:00.000Z'),
    });
  });

  it('revokes the current engagement\'s consent', () => {
    const r = revoked('ENG-1');
    expect(given([first, r])).toMatchObject({ current: { engagementRef: 'ENG-1', revokedOn: '2026-11-20' }, eventIds: [first.id, r.id] });
  });

  it('records nothing for a revocation of a superseded engagement, or of one it does not hold', () => {
    expect(fold.evolve(given([first, second]), revoked('ENG-1'))).toBeUndefined();
    expect(fold.evolve(undefined, revoked('ENG-1'))).toBeUndefined();
  });

  it('keeps no entry for other events', () => {
    const view = createEvent('advocacy.victim.view.recorded.v1', { occurredAt: '2026-11-01T09:00:00.000Z', sharing: 'partnership', subjects, data: { engagementRef: 'ENG-1', ownViewOfRisk: 'high', wishes: 'To be safe' } });
    expect(fold.refOf(view)).toBeUndefined();
  });
});
