import { describe, expect, it } from 'vitest';
import { historyCheckRefusal } from './historyCheck.js';

const request = {
  requestRef: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', urn: '42AB1234526', suspectTokens: ['s1', 's2'], victimTokens: ['v1'],
  lawfulBasis: 'charging_decision' as const, purpose: 'Charging decision on a s2A file', requestedBy: { userId: 'cps-lawyer-7' },
};

describe('whether a CPS history request may become a check', () => {
  it('opens a check on the suspects of a case file, with or without a conference case about them', () => {
    expect(historyCheckRefusal(request, undefined)).toBeUndefined();
    expect(historyCheckRefusal({ ...request, caseRef: 'CNV-2026-000123' }, { suspectTokens: ['x', 's2'] })).toBeUndefined();
  });

  it('refuses a conference case it does not hold and one about someone else with the same reason', () => {
    const unknown = historyCheckRefusal({ ...request, caseRef: 'CNV-1999-999999' }, undefined);
    const otherSuspect = historyCheckRefusal({ ...request, caseRef: 'CNV-1999-999999' }, { suspectTokens: ['x'] });
    expect(unknown).toEqual({ code: 'case_not_about_suspect', reason: 'CNV-1999-999999 is not a conference case about this suspect.' });
    expect(otherSuspect).toEqual(unknown);
  });

  it('refuses a request without a URN (sent before CPS checked case files) and one naming no suspect', () => {
    const { urn: _urn, ...withoutUrn } = request;
    expect(historyCheckRefusal(withoutUrn, undefined)?.code).toBe('no_case_file');
    expect(historyCheckRefusal({ ...request, suspectTokens: [] }, undefined)?.code).toBe('no_suspect');
  });
});
