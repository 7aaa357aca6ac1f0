import { describe, expect, it } from 'vitest';
import { computeSignals } from './signals/index.js';
import { CASE, NOW, incident, listed, make, replay, risk, victimView } from '../../../../tests/fixtures/caseEvents.js';
import { viewFor } from './visibility.js';

const requestRef = '88888888-8888-4888-8888-888888888888';

function disclosure(decision: 'disclosed' | 'refused', sharing: 'restricted' | 'partnership' = 'restricted') {
  return make('health.disclosure.decided.v1', {
    requestRef, concernRef: 'HC-1', caseRef: CASE, decision, reason: 'Caldicott decision', decidedBy: { userId: 'cg-1' },
    ...(decision === 'disclosed' ? { detail: 'Detail for the named audience' } : {}),
  }, { daysAgo: 2, sharing, ...(sharing === 'restricted' ? { audience: [{ role: 'chair' as const }, { agency: 'police' as const }] } : {}) });
}

const chair = { agency: 'conference', role: 'chair' } as const;
const police = { agency: 'police', role: 'police' } as const;
const advocate = { agency: 'advocacy', role: 'advocate' } as const;
const health = { agency: 'health', role: 'health' } as const;

describe('viewFor', () => {
  it('shows everything shared with the partnership, and lists only the entries the viewer can open', () => {
    const view = replay([listed(), incident(['following'])]);
    const seen = viewFor(view, advocate);
    expect(seen.timeline).toEqual(view.timeline);
    expect(seen.risk).toEqual(view.risk);
    expect(seen.appliedEventIds).toEqual(view.timeline.map((e) => e.eventId).sort());
    expect(seen.pending).toEqual([]);
  });

  it('shows a restricted entry to its audience by role or agency, and to the agency that published it', () => {
    const view = replay([listed(), disclosure('disclosed')]);
    for (const viewer of [chair, police, health]) {
      expect(viewFor(view, viewer).disclosures[0], viewer.role).toMatchObject({ decision: 'disclosed', detail: 'Detail for the named audience' });
    }
  });

  it('removes a restricted entry, and what rests on it, for anyone else', () => {
    const e = disclosure('disclosed');
    const view = replay([listed(), e]);
    const seen = viewFor(view, advocate);
    expect(seen.timeline.map((t) => t.eventId)).not.toContain(e.id);
    expect(seen.disclosures).toEqual([]);
    expect(seen.appliedEventIds).not.toContain(e.id);
    expect(JSON.stringify(seen)).not.toContain('Detail for the named audience');
  });

  it('cannot even be handed disclosed detail shared with the whole partnership: the contract refuses it', () => {
    expect(() => disclosure('disclosed', 'partnership')).toThrow(/restricted/);
  });

  it('falls back to the latest assessment the viewer may see, and signals follow the filtered view', () => {
    const visible = risk('medium', { daysAgo: 30 });
    const hidden = risk('high', { daysAgo: 5, sharing: 'restricted', audience: [{ agency: 'police' }] });
    // Stalking conduct, so a high grade with no SPO is a signal at all.
    const view = replay([incident(['following'], { daysAgo: 40, offenceClass: 'pha_s2a' }), visible, hidden]);
    expect(view.risk.police?.eventId).toBe(hidden.id);
    const seen = viewFor(view, advocate);
    expect(seen.risk.police).toMatchObject({ grade: 'medium', eventId: visible.id });
    const ids = computeSignals(seen, NOW).flatMap((s) => s.eventIds);
    expect(ids).not.toContain(hidden.id);
    expect(computeSignals(view, NOW).map((s) => s.kind)).toContain('high_risk_no_spo');
    expect(computeSignals(seen, NOW).map((s) => s.kind)).not.toContain('high_risk_no_spo');
  });

  it('hides a restricted health flag from partners outside its audience', () => {
    const flagged = make('health.concern.flagged.v1', {
      concernRef: 'HC-2', subjectRole: 'victim', category: 'self_harm_risk', severity: 'high', contact: { service: 'GP practice' },
    }, { sharing: 'restricted', audience: [{ role: 'chair' }] });
    const view = replay([listed(), flagged]);
    expect(viewFor(view, chair).healthConcerns).toHaveLength(1);
    expect(viewFor(view, police).healthConcerns).toEqual([]);
  });

  it('shows the victim\'s voice (wishes, fears, safety plan) to those her consent names, and folds it from nothing else', () => {
    const limited = { sharing: 'restricted' as const, audience: [{ agency: 'police' as const }, { role: 'chair' as const }] };
    const said = make('advocacy.victim.view.recorded.v1', { engagementRef: 'ENG-1', ownViewOfRisk: 'high', wishes: 'To stay in her flat', fears: 'That he finds her new work' }, { daysAgo: 3, ...limited });
    const plan = make('advocacy.safety_plan.updated.v1', { engagementRef: 'ENG-1', measures: ['Panic alarm fitted', 'Safe route to work'], reviewOn: '2027-01-10' }, { daysAgo: 2, ...limited });
    const view = replay([listed(), victimView('medium', { daysAgo: 9 }), said, plan]);
    for (const viewer of [chair, police, advocate]) {
      expect(viewFor(view, viewer).victimVoice, viewer.agency).toEqual({
        statement: { eventId: said.id, at: said.occurredat, ownViewOfRisk: 'high', wishes: 'To stay in her flat', fears: 'That he finds her new work' },
        safetyPlan: { eventId: plan.id, at: plan.occurredat, measures: ['Panic alarm fitted', 'Safe route to work'], reviewOn: '2027-01-10' },
        household: null, advocate: null, safeContact: null,
      });
    }
    // Health is not named: it sees the earlier statement shared with the partnership, and no plan.
    const seen = viewFor(view, health);
    expect(seen.victimVoice).toMatchObject({ statement: { wishes: 'To feel safe at home', fears: null }, safetyPlan: null });
    expect(JSON.stringify(seen)).not.toMatch(/new work|Panic alarm/);
  });

  it('shows her household to the partnership as counts and ages, and safe contact details only to the agencies that contact her', () => {
    const household = make('advocacy.household.recorded.v1', { engagementRef: 'ENG-1', childrenAges: [4, 9], otherAdults: 0, safeguardingReferralMade: false }, { daysAgo: 3 });
    const contact = make('advocacy.safe_contact.recorded.v1', { engagementRef: 'ENG-1', safeTimes: 'Weekdays 12:00-13:00', safeNumber: '07700 900123', noPostHome: true }, {
      daysAgo: 2, sharing: 'restricted', audience: [{ agency: 'police' }],
    });
    const view = replay([listed(), household, contact]);
    for (const viewer of [chair, police, health, advocate]) {
      expect(viewFor(view, viewer).victimVoice.household, viewer.agency).toMatchObject({ childrenAges: [4, 9], otherAdults: 0, safeguardingReferralMade: false, safeguardingReferralOn: null });
    }
    expect(viewFor(view, police).victimVoice.safeContact).toMatchObject({ safeTimes: 'Weekdays 12:00-13:00', safeNumber: '07700 900123', noPostHome: true });
    for (const viewer of [chair, health]) {
      const seen = viewFor(view, viewer);
      expect(seen.victimVoice.safeContact, viewer.agency).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('07700 900123');
    }
  });

  it('names the advocate allocated to her to those her consent lets see the engagement, until she revokes it', () => {
    const advocate = { name: 'Kim Adeyemi', role: 'ISAC' as const, service: 'Leeds stalking advocacy', telephone: '0113 496 0000' };
    const engaged = make('advocacy.victim.engaged.v1', { engagementRef: 'ENG-1', consent: 'limited', consentGivenOn: '2026-10-01', limitedTo: ['police'], advocate }, {
      daysAgo: 5, sharing: 'restricted', audience: [{ agency: 'police' }, { role: 'chair' }],
    });
    const view = replay([listed(), engaged]);
    expect(viewFor(view, police).victimVoice.advocate).toMatchObject(advocate);
    expect(viewFor(view, chair).victimVoice.advocate).toMatchObject({ name: 'Kim Adeyemi' });
    expect(viewFor(view, health).victimVoice.advocate).toBeNull();
    const revoked = make('advocacy.consent.revoked.v1', { engagementRef: 'ENG-1', revokedOn: '2026-12-01' }, { daysAgo: 1 });
    expect(viewFor(replay([listed(), engaged, revoked]), chair).victimVoice.advocate).toBeNull();
  });

  it('keeps each agency\'s latest research summary, shown to whom the agency shared it', () => {
    const first = make('police.research.summarised.v1', { caseRef: CASE as never, summary: 'Two incidents, one arrest' }, { daysAgo: 3 });
    const latest = make('police.research.summarised.v1', { caseRef: CASE as never, summary: 'Three incidents, bail in force' }, { daysAgo: 1 });
    const restricted = make('health.research.summarised.v1', { caseRef: CASE as never, summary: 'Two ED attendances' }, { daysAgo: 1, sharing: 'restricted', audience: [{ role: 'chair' }] });
    const view = replay([listed(), first, latest, restricted]);
    expect(viewFor(view, chair).researchSummaries.map((r) => [r.agency, r.summary])).toEqual([['police', 'Three incidents, bail in force'], ['health', 'Two ED attendances']]);
    expect(viewFor(view, advocate).researchSummaries.map((r) => r.agency)).toEqual(['police']);
  });
});
