import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, possibleMatch } from './possibleMatch.js';

const DOB = '1985-03-14';
const person = (given: string, family: string, dateOfBirth = DOB) => ({ given, family, dateOfBirth });

describe('possible matches within one agency', () => {
  it.each([
    [person('Siobhan', 'ONeil'), person('Siobhan', 'ONeill'), 'one_letter'],
    [person('Jon', 'Smith'), person('John', 'Smith'), 'one_letter'],
    [person('Jonh', 'Smith'), person('John', 'Smith'), 'one_letter'],
    [person('Ann', 'O Neil'), person('Ann', "O'Neil"), 'one_letter'],
    [person('J.', 'Smith'), person('John', 'Smith'), 'initial'],
    [person('John', 'SMITH'), person('j', 'smith'), 'initial'],
    [person('Smith', 'John'), person('john', 'smith'), 'swapped'],
  ] as const)('%o and %o: %s', (a, b, reason) => {
    expect(possibleMatch(a, b)).toBe(reason);
    expect(possibleMatch(b, a)).toBe(reason);
  });

  it('never offers the same name, a different date of birth, or anything looser than one slip', () => {
    expect(possibleMatch(person("O'Neil", 'Smith'), person('oneil', 'SMITH'))).toBeUndefined();
    expect(possibleMatch(person('Jon', 'Smith'), person('John', 'Smith', '1985-03-15'))).toBeUndefined();
    expect(possibleMatch(person('Jon', 'Smyth'), person('John', 'Smith'))).toBeUndefined();
    expect(possibleMatch(person('J', 'Smyth'), person('John', 'Smith'))).toBeUndefined();
    expect(possibleMatch(person('Mark', 'Dawson'), person('Priya', 'Shah'))).toBeUndefined();
    expect(possibleMatch(person('K', 'Smith'), person('John', 'Smith'))).toBeUndefined();
  });

  it('counts edits with neighbour swaps as one', () => {
    expect(editDistance('john', 'jonh')).toBe(1);
    expect(editDistance('smith', 'smyth')).toBe(1);
    expect(editDistance('smith', 'smythe')).toBe(2);
    expect(editDistance('a', 'abcdef')).toBe(3);
    fc.assert(fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
      const d = editDistance(a, b, 20);
      expect(d).toBe(editDistance(b, a, 20));
      expect(d === 0).toBe(a === b);
    }));
  });
});
