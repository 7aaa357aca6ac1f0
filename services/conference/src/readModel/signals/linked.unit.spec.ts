import { describe, expect, it } from 'vitest';
import { CASE, listed, replay } from '../../../../../tests/fixtures/caseEvents.js';
import { repeatReferral, sameSuspectOtherCases } from './linked.js';

describe('same suspect, other victims', () => {
  it('names only the other case references and agencies, resting on the listing', () => {
    const listing = listed();
    const [signal] = sameSuspectOtherCases(replay([listing]), {
      otherCasesWithSameSuspect: [{ caseRef: 'CNV-2026-000050', agencies: ['police', 'health'] }, { caseRef: CASE, agencies: ['police'] }],
    });
    expect(signal).toMatchObject({
      kind: 'same_suspect_other_cases', eventIds: [listing.id],
      otherCases: [{ caseRef: 'CNV-2026-000050', agencies: ['police', 'health'] }],
      explanation: 'The suspect also appears in CNV-2026-000050 (Police, Health).',
    });
    expect(JSON.stringify(signal)).not.toMatch(/Alex|Suspectson/);
  });

  it('does not fire without other cases', () => {
    expect(sameSuspectOtherCases(replay([listed()]))).toEqual([]);
    expect(sameSuspectOtherCases(replay([listed()]), { otherCasesWithSameSuspect: [] })).toEqual([]);
  });
});

describe('repeat referral', () => {
  it('fires when the listing repeats a closed case', () => {
    const listing = listed({ repeatOf: 'CNV-2025-000777' });
    expect(repeatReferral(replay([listing]))).toMatchObject([{ kind: 'repeat_referral', repeatOf: 'CNV-2025-000777', eventIds: [listing.id] }]);
  });

  it('does not fire on a first listing', () => {
    expect(repeatReferral(replay([listed()]))).toEqual([]);
  });
});
