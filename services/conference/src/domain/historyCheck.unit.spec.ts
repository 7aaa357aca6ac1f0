import { describe, expect, it } from 'vitest';
import { decideHistoryCheck, historyCheckRefusal } from './historyCheck.js';

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

describe('the history check decider', () => {
  // Given what the conference holds, when CPS's request arrives, then a check opened and announced, or a refusal kept.
  const arrived = { occurredat: '2026-12-01T10:00:00.000Z', data: { ...request, suspectTokens: ['s1', 's2', 's1'], windowMonths: 36 } };

  it('opens a check until it expires and announces it to every agency with the suspects and the case file\'s victims', () => {
    const decision = decideHistoryCheck(arrived, {}, 28);
    expect(decision).toMatchObject({ kind: 'opened', tokens: ['s1', 's2'], terms: { caseRef: null, windowMonths: 36, openedAt: arrived.occurredat, expiresAt: '2026-12-29T10:00:00.000Z' } });
    expect(decision.kind === 'opened' && decision.events).toEqual([{
      type: 'conference.history_check.opened.v1',
      data: {
        requestRef: request.requestRef, suspectTokens: ['s1', 's2'], victimTokens: ['v1'], lawfulBasis: 'charging_decision', purpose: request.purpose,
        requestedBy: request.requestedBy, expiresAt: '2026-12-29T10:00:00.000Z', urn: '42AB1234526', windowMonths: 36,
      },
    }]);
  });

  it('keeps a refusal with its reason, and keeps the first decision when the request is redelivered', () => {
    const aboutSomeoneElse = { ...arrived, data: { ...arrived.data, caseRef: 'CNV-2026-000123' } };
    expect(decideHistoryCheck(aboutSomeoneElse, { namedCase: { suspectTokens: ['x'] } }, 28)).toMatchObject({ kind: 'refused', refusal: { code: 'case_not_about_suspect' }, terms: { caseRef: 'CNV-2026-000123' } });
    expect(decideHistoryCheck(aboutSomeoneElse, { stored: { state: 'refused' }, namedCase: { suspectTokens: ['s1'] } }, 28)).toEqual({ kind: 'kept' });
    // Opened once, opened again (the same event id is recorded): the case named is not asked again.
    expect(decideHistoryCheck(aboutSomeoneElse, { stored: { state: 'open' } }, 28)).toMatchObject({ kind: 'opened' });
  });
});
