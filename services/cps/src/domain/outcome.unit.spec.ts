import { describe, expect, it } from 'vitest';
import { DomainError } from '@convene/shared/errors';
import { assertOutcomeFollowsCharge } from './outcome.js';
import { MAX_SUSPECT_TOKENS, suspectTokensFor } from './historyRequest.js';

describe('a case outcome follows a decision to charge', () => {
  it('allows an outcome after a decision to charge', () => {
    expect(() => assertOutcomeFollowsCharge({ decisionRef: 'CHG-1', outcome: 'charge' })).not.toThrow();
  });

  it.each(['no_further_action', 'caution', 'more_evidence_needed'] as const)('refuses an outcome after %s with a 409', (outcome) => {
    let caught: unknown;
    try {
      assertOutcomeFollowsCharge({ decisionRef: 'CHG-2', outcome });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ status: 409, code: 'decision_not_to_charge' });
    expect((caught as Error).message).toContain('CHG-2');
  });
});

describe('suspect tokens for a history request', () => {
  it('keeps each token once, in order', () => {
    expect(suspectTokensFor([['a', 'b'], ['b', 'c']])).toEqual(['a', 'b', 'c']);
  });

  it('refuses more tokens than the contract carries, naming the suspects field', () => {
    const many = Array.from({ length: MAX_SUSPECT_TOKENS + 1 }, (_, i) => [`t${i}`]);
    expect(() => suspectTokensFor(many)).toThrow(expect.objectContaining({ status: 400, field: 'body.suspects' }));
  });
});
