import { describe, expect, it } from 'vitest';
import { caseFileVictims, MAX_SUSPECT_TOKENS, MAX_VICTIM_TOKENS, suspectTokensFor } from './historyRequest.js';

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
