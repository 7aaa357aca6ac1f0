import { describe, expect, it } from 'vitest';
import { caseFileVictims, decideHistoryRequest, MAX_SUSPECT_TOKENS, MAX_VICTIM_TOKENS, suspectTokensFor, type HistoryRequestState, type RequestHistoryCheck } from './historyRequest.js';

describe('suspect tokens for a history request', () => {
  it('keeps each token once, in order', () => {
    expect(suspectTokensFor([['a', 'b'], ['b', 'c']])).toEqual(['a', 'b', 'c']);
  });

  it('refuses more tokens than the contract carries, naming the suspects field', () => {
    const many = Array.from({ length: MAX_SUSPECT_TOKENS + 1 }, (_, i) => [`t${i}`]);
    expect(() => suspectTokensFor(many)).toThrow(expect.objectContaining({ status: 400, field: 'body.suspects' }));
  });
});

describe('the case file a history check is for', () => {
  const decision = { subjects: [{ role: 'victim' as const, tokens: ['v1', 'v1b'] }, { role: 'suspect' as const, tokens: ['s1', 's1b'] }] };
  const hearing = { subjects: [{ role: 'victim' as const, tokens: ['v2'] }, { role: 'suspect' as const, tokens: ['s1b'] }] };
  const coDefendant = { subjects: [{ role: 'victim' as const, tokens: ['v3'] }, { role: 'suspect' as const, tokens: ['s2'] }] };

  it('answers the victims of the records naming the suspect, once each', () => {
    expect(caseFileVictims('42AB1234526', [['s1']], [decision, hearing, coDefendant])).toEqual(['v1', 'v1b']);
    expect(caseFileVictims('42AB1234526', [['s1', 's1b']], [decision, hearing, coDefendant])).toEqual(['v1', 'v1b', 'v2']);
    expect(caseFileVictims('42AB1234526', [['s1'], ['s2']], [decision, coDefendant])).toEqual(['v1', 'v1b', 'v3']);
  });

  it('refuses a URN the service does not hold and one that does not name the person as suspect, alike', () => {
    const unknown = () => caseFileVictims('42AB1234526', [['s1']], []);
    const notNamed = () => caseFileVictims('42AB1234526', [['v1']], [decision]);
    for (const refused of [unknown, notNamed]) {
      expect(refused).toThrow(expect.objectContaining({ code: 'not_a_suspect_in_case_file', status: 403, field: 'body.urn' }));
    }
    expect(() => caseFileVictims('42AB1234526', [['s1'], ['nobody']], [decision])).toThrow(/suspect 2 of this request/);
  });

  it('carries at most as many victim tokens as the contract allows', () => {
    const crowded = { subjects: [{ role: 'suspect' as const, tokens: ['s1'] }, ...Array.from({ length: 20 }, (_, i) => ({ role: 'victim' as const, tokens: [`v${i}`] }))] };
    expect(caseFileVictims('42AB1234526', [['s1']], [crowded])).toHaveLength(MAX_VICTIM_TOKENS);
  });
});

describe('the history request decider', () => {
  // Given what CPS holds (the case file, the listing named), when a lawyer asks, then this request (or a refusal).
  const held: HistoryRequestState = {
    suspects: [['s1', 's1b']],
    caseFile: [{ subjects: [{ role: 'victim', tokens: ['v1'] }, { role: 'suspect', tokens: ['s1'] }] }],
    windowMaxMonths: 60,
  };
  const requestedBy = { userId: 'lawyer-1', displayName: 'A. Lawyer' };
  const ask = (request: Partial<RequestHistoryCheck['request']> = {}): RequestHistoryCheck => ({
    requestRef: '5b0f0a4e-8a4f-4c51-9d3e-0c8f6f1f2a10', requestedBy,
    request: { urn: '42AB1234526', suspects: ['9a1d4c2e-1111-4aaa-8bbb-222233334444'], lawfulBasis: 'sentencing', purpose: 'Sentencing: previous conduct towards the victim', ...request },
  });

  it('asks about the suspects, carrying the case file\'s victims, the window and the officer in the case', () => {
    const officerInCase = { name: 'DC Amara Okafor', reference: '4471' };
    expect(decideHistoryRequest(ask({ windowMonths: 36, officerInCase }), held)).toEqual([{
      type: 'cps.history.requested.v1',
      data: {
        requestRef: '5b0f0a4e-8a4f-4c51-9d3e-0c8f6f1f2a10', urn: '42AB1234526', suspectTokens: ['s1', 's1b'], victimTokens: ['v1'],
        lawfulBasis: 'sentencing', purpose: 'Sentencing: previous conduct towards the victim', windowMonths: 36, officerInCase, requestedBy,
      },
    }]);
  });

  it('refuses a window beyond the agreement, naming the field', () => {
    expect(() => decideHistoryRequest(ask({ windowMonths: 61 }), held)).toThrow(expect.objectContaining({ code: 'window_beyond_agreement', status: 400, field: 'body.windowMonths' }));
    expect(decideHistoryRequest(ask({ windowMonths: 60 }), held)[0]!.data.windowMonths).toBe(60);
  });

  it('names a conference case only if CPS knows it is open about these suspects; unknown and someone else\'s alike', () => {
    const named = ask({ caseRef: 'CNV-2026-000001' });
    expect(decideHistoryRequest(named, { ...held, namedCase: { open: true, tokens: ['s1b', 'v1'] } })[0]!.data.caseRef).toBe('CNV-2026-000001');
    for (const namedCase of [undefined, { open: true, tokens: ['s9'] }, { open: false, tokens: ['s1'] }]) {
      expect(() => decideHistoryRequest(named, { ...held, namedCase })).toThrow(expect.objectContaining({ code: 'case_not_about_suspect', status: 403, field: 'body.caseRef' }));
    }
  });

  it('refuses a suspect the case file does not name', () => {
    expect(() => decideHistoryRequest(ask(), { ...held, suspects: [['s9']] })).toThrow(expect.objectContaining({ code: 'not_a_suspect_in_case_file', status: 403 }));
  });
});
