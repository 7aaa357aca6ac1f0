import { describe, expect, it } from 'vitest';
import {
  consentRuling, contactAudience, governingConsents, sharingUnder, withholdReason, type ConsentState, type RegisteredConsent,
} from './consent.js';

const full: ConsentState = { engagementRef: 'ENG-1', level: 'full', givenOn: '2026-09-01', limitedTo: [] };
const limited = (...limitedTo: ConsentState['limitedTo']): ConsentState => ({ engagementRef: 'ENG-2', level: 'limited', givenOn: '2026-09-01', limitedTo });
const none: ConsentState = { engagementRef: 'ENG-3', level: 'none', givenOn: '2026-09-01', limitedTo: [] };
const revoked: ConsentState = { ...full, revokedOn: '2026-10-01' };

describe('consent ruling', () => {
  it('shares under full consent, and records naming no victim are not governed by consent', () => {
    expect(consentRuling([full])).toEqual({ share: true });
    expect(consentRuling([])).toEqual({ share: true });
  });

  it('shares nothing when the victim said no, revoked, or never engaged', () => {
    for (const c of [none, revoked, undefined]) expect(consentRuling([c])).toEqual({ share: false, reason: 'consent_not_given' });
    expect(consentRuling([full, revoked])).toMatchObject({ share: false });
  });

  it('limits the audience to the agencies named, plus the chair; several victims narrow it to what all agreed', () => {
    expect(consentRuling([limited('police', 'health')])).toEqual({ share: true, audience: [{ agency: 'health' }, { agency: 'police' }, { role: 'chair' }] });
    expect(consentRuling([limited('police', 'health'), full, limited('police', 'cps')])).toEqual({ share: true, audience: [{ agency: 'police' }, { role: 'chair' }] });
    expect(consentRuling([limited('health'), limited('cps')])).toEqual({ share: true, audience: [{ role: 'chair' }] });
  });
});

describe('sharing under consent', () => {
  const ruling = consentRuling([limited('police')]);

  it('turns a partnership record restricted to the consented audience', () => {
    expect(sharingUnder(ruling, { sharing: 'partnership' })).toEqual({ sharing: 'restricted', audience: [{ agency: 'police' }, { role: 'chair' }] });
  });

  it('keeps an advocate\'s narrower choice, drops anyone the victim did not agree to, and always keeps the chair', () => {
    expect(sharingUnder(ruling, { sharing: 'restricted', audience: [{ agency: 'police' }, { agency: 'health' }] }))
      .toEqual({ sharing: 'restricted', audience: [{ agency: 'police' }, { role: 'chair' }] });
  });

  it('leaves agency-only records and full consent alone', () => {
    expect(sharingUnder(ruling, { sharing: 'agency' })).toEqual({ sharing: 'agency' });
    expect(sharingUnder(consentRuling([full]), { sharing: 'partnership' })).toEqual({ sharing: 'partnership' });
  });
});

describe('withholding a record', () => {
  it('withholds everything about a victim without consent', () => {
    expect(withholdReason(consentRuling([revoked]), { sharing: 'partnership' })).toBe('consent_not_given');
    expect(withholdReason(consentRuling([none]), { sharing: 'restricted', audience: [{ role: 'chair' }] })).toBe('consent_not_given');
  });

  it('under limited consent, withholds records shared more widely than the victim now allows', () => {
    const ruling = consentRuling([limited('police')]);
    expect(withholdReason(ruling, { sharing: 'partnership' })).toBe('consent_not_given');
    expect(withholdReason(ruling, { sharing: 'restricted', audience: [{ agency: 'health' }] })).toBe('consent_not_given');
    expect(withholdReason(ruling, { sharing: 'restricted', audience: [{ agency: 'police' }, { role: 'chair' }] })).toBeUndefined();
  });

  it('shares under full consent', () => {
    expect(withholdReason(consentRuling([full]), { sharing: 'partnership' })).toBeUndefined();
  });
});

describe('which consent governs a record', () => {
  const tokens = ['lt1.nhs.a', 'lt1.nd.b'];
  const held: RegisteredConsent[] = [{ tokens, current: revoked, engagementRefs: ['ENG-1'] }];
  const diary = { type: 'advocacy.diary.entry.v1', subjects: [{ role: 'victim' as const, tokens }], data: {} };

  it('is the register\'s current consent for the victim, matched by any shared token', () => {
    expect(governingConsents(diary, ['lt1.nd.b'], held)).toEqual([revoked]);
    expect(governingConsents(diary, ['lt1.nd.other'], held)).toEqual([undefined]);
  });

  it('is an engagement\'s own consent while it is being recorded, and the register\'s once it is known', () => {
    const engaging = { type: 'advocacy.victim.engaged.v1', subjects: diary.subjects, data: { engagementRef: 'ENG-9', consent: 'full', consentGivenOn: '2026-11-01' } };
    expect(governingConsents(engaging, tokens, held)).toEqual([{ engagementRef: 'ENG-9', level: 'full', givenOn: '2026-11-01', limitedTo: [] }]);
    const oldEngagement = { ...engaging, data: { ...engaging.data, engagementRef: 'ENG-1' } };
    expect(governingConsents(oldEngagement, tokens, held)).toEqual([revoked]);
  });
});

describe('who is shown how to contact her safely', () => {
  it('the agencies that need to contact her, as far as her consent allows, and never the chair', () => {
    expect(contactAudience(consentRuling([full]), ['police', 'health'])).toEqual([{ agency: 'health' }, { agency: 'police' }]);
    expect(contactAudience(consentRuling([limited('police', 'cps')]), ['police', 'health'])).toEqual([{ agency: 'police' }]);
    expect(contactAudience(consentRuling([limited('cps')]), ['police'])).toEqual([]);
    for (const c of [none, revoked, undefined]) expect(contactAudience(consentRuling([c]), ['police'])).toEqual([]);
  });
});
