import { describe, expect, it } from 'vitest';
import { decideEngagement, type EngagementCommand, type EngagementDecision, type EngagementState } from './engagement.js';

// Given the engagement as its events left it, when the advocate records this, then these events (or a refusal).
const engaged: EngagementDecision = { type: 'advocacy.victim.engaged.v1', data: { engagementRef: 'ENG-1', consent: 'limited', consentGivenOn: '2026-09-01', limitedTo: ['police'] } };
const live: EngagementState = { engagementRef: 'ENG-1', consentGivenOn: '2026-09-01', victimTokens: ['v1', 'v1b'] };
const revoke = (revokedOn: string): EngagementCommand => ({ kind: 'revoke', revokedOn });

describe('the engagement decider', () => {
  it('records an engagement once, with the consent the victim gave', () => {
    expect(decideEngagement({ kind: 'engage', engagement: engaged.data }, undefined)).toEqual([engaged]);
    expect(() => decideEngagement({ kind: 'engage', engagement: engaged.data }, live)).toThrow(expect.objectContaining({ code: 'engagement_exists', status: 409 }));
  });

  it('records a revocation of a live engagement, once, never dated before consent was given', () => {
    expect(decideEngagement(revoke('2026-10-01'), live)).toEqual([{ type: 'advocacy.consent.revoked.v1', data: { engagementRef: 'ENG-1', revokedOn: '2026-10-01' } }]);
    expect(decideEngagement(revoke('2026-09-01'), live)).toHaveLength(1);
    expect(() => decideEngagement(revoke('2026-10-02'), { ...live, revokedOn: '2026-10-01' })).toThrow(expect.objectContaining({ status: 409, code: 'consent_already_revoked' }));
    expect(() => decideEngagement(revoke('2026-08-01'), live)).toThrow(expect.objectContaining({ status: 400, field: 'body.revokedOn' }));
    expect(() => decideEngagement(revoke('2026-10-01'), undefined)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('records the victim\'s own view and safety plan on an engagement with the victim they name, and no other', () => {
    const view = { ownViewOfRisk: 'high' as const, wishes: 'To stay in her flat', fears: 'That he will find her new work' };
    expect(decideEngagement({ kind: 'record_view', victimTokens: ['v1b'], view }, live)).toEqual([{ type: 'advocacy.victim.view.recorded.v1', data: { engagementRef: 'ENG-1', ...view } }]);
    const plan = { measures: ['Panic alarm fitted', 'Safe route to work agreed'], reviewOn: '2027-01-10' };
    expect(decideEngagement({ kind: 'update_safety_plan', victimTokens: ['v1'], plan }, live)).toEqual([{ type: 'advocacy.safety_plan.updated.v1', data: { engagementRef: 'ENG-1', ...plan } }]);
    for (const command of [{ kind: 'record_view' as const, victimTokens: ['v2'], view }, { kind: 'update_safety_plan' as const, victimTokens: [], plan }]) {
      expect(() => decideEngagement(command, live)).toThrow(expect.objectContaining({ code: 'engagement_of_another_victim', status: 400, field: 'body.subjects' }));
    }
  });

  it('records her household (counts and ages) and safe contact on her engagement only', () => {
    const household = { childrenAges: [4, 9], otherAdults: 1, safeguardingReferralMade: true, safeguardingReferralOn: '2026-11-20' };
    expect(decideEngagement({ kind: 'record_household', victimTokens: ['v1'], household }, live)).toEqual([{ type: 'advocacy.household.recorded.v1', data: { engagementRef: 'ENG-1', ...household } }]);
    const contact = { safeTimes: 'Weekdays 12:00-13:00', safeNumber: '07700 900123', noPostHome: true };
    expect(decideEngagement({ kind: 'record_safe_contact', victimTokens: ['v1b'], contact }, live)).toEqual([{ type: 'advocacy.safe_contact.recorded.v1', data: { engagementRef: 'ENG-1', ...contact } }]);
    expect(() => decideEngagement({ kind: 'record_safe_contact', victimTokens: ['v2'], contact }, live)).toThrow(expect.objectContaining({ code: 'engagement_of_another_victim' }));
  });
});
