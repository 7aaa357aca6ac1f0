import { describe, expect, it } from 'vitest';
import { DomainError } from '@convene/shared/errors';
import { assertOutcomeFollowsCharge } from './outcome.js';

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
