import { describe, expect, it } from 'vitest';
import { MAX_SUSPECT_TOKENS, suspectTokensFor } from './historyRequest.js';

describe('suspect tokens for a history request', () => {
  it('keeps each token once, in order', () => {
    expect(suspectTokensFor([['a', 'b'], ['b', 'c']])).toEqual(['a', 'b', 'c']);
  });

  it('refuses more tokens than the contract carries, naming the suspects field', () => {
    const many = Array.from({ length: MAX_SUSPECT_TOKENS + 1 }, (_, i) => [`t${i}`]);
    expect(() => suspectTokensFor(many)).toThrow(expect.objectContaining({ status: 400, field: 'body.suspects' }));
  });
});
