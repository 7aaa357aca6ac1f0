import { describe, expect, it } from 'vitest';
import { audit, type Equation, type Unknown } from './disclosure.js';

/** The suppressed figure the equations leave too narrow, or undefined when none is (or they disagree). */
function disclosedWithin(unknowns: ReadonlyMap<string, Unknown>, equations: readonly Equation[], width: number): string | undefined {
  const result = audit(unknowns, equations, width);
  return result.outcome === 'disclosed' ? result.figure : undefined;
}

const small: Unknown = { lower: 1, upper: 4, secret: true };
const withheld: Unknown = { lower: 1, upper: Infinity, secret: true };
const sum = (value: number, ...terms: string[]) => ({ terms: terms.map((t) => [t, 1] as const), value });
// Threshold 5: a small figure is 1 to 4, and must be left all four.
const disclosedBy = (unknowns: ReadonlyMap<string, Unknown>, equations: readonly Equation[]) => disclosedWithin(unknowns, equations, 4);

describe('disclosure audit', () => {
  it('finds a suppressed month that a quarter less its published months gives away', () => {
    // Quarter 9 = Jan 3 (suppressed) + Feb 6 + Mar 0: after the published months, Jan alone is left.
    expect(disclosedBy(new Map([['jan', small]]), [sum(3, 'jan')])).toBe('jan');
  });

  it('keeps two suppressed months hidden only when their sum leaves each every value from 1 to 4', () => {
    const unknowns = new Map([['jan', small], ['feb', small]]);
    expect(disclosedBy(unknowns, [sum(5, 'jan', 'feb')])).toBeUndefined();
    // 6 leaves each 2 to 4: not pinned, but narrowed, which a reader who knows the rule could build on.
    expect(disclosedBy(unknowns, [sum(6, 'jan', 'feb')])).toBe('jan');
  });

  it('finds suppressed figures pinned by their bounds: two small figures summing to 8 are both 4, to 2 both 1', () => {
    const unknowns = new Map([['jan', small], ['feb', small]]);
    expect(disclosedBy(unknowns, [sum(8, 'jan', 'feb')])).toBeDefined();
    expect(disclosedBy(unknowns, [sum(2, 'jan', 'feb')])).toBeDefined();
    // A figure that may have been withheld with its group is not bounded above: 8 leaves each 1 to 7.
    expect(disclosedBy(new Map([['jan', withheld], ['feb', withheld]]), [sum(8, 'jan', 'feb')])).toBeUndefined();
  });

  it('finds a month given away by two overlapping years less each other', () => {
    // Two years share most of their months; after the published ones, what is left of each is the months at
    // either end and June, suppressed in both.
    const both = new Map([['febLastYear', small], ['jun', small], ['febThisYear', small]]);
    expect(disclosedBy(both, [sum(5, 'febLastYear', 'jun'), sum(5, 'jun', 'febThisYear')])).toBeUndefined();
    // With last February published (3), the first year gives June, and the second this February.
    const oneEnd = new Map([['jun', small], ['febThisYear', small]]);
    expect(disclosedBy(oneEnd, [sum(5 - 3, 'jun'), sum(5, 'jun', 'febThisYear')])).toBeDefined();
    // And with June published too, their difference alone gives this February.
    expect(disclosedBy(new Map([['febThisYear', small]]), [sum(9 - 6, 'febThisYear')])).toBe('febThisYear');
  });

  it('pins a figure through a difference once one side is known', () => {
    const unknowns = new Map([['a', small], ['b', small], ['c', small]]);
    // a + b = 5 and a + b + c = 7: c = 2, by row reduction alone.
    expect(disclosedBy(unknowns, [sum(5, 'a', 'b'), sum(7, 'a', 'b', 'c')])).toBe('c');
  });

  it('does not count figures never published as secrets, and ignores equations that disagree after a revision', () => {
    const unknowns = new Map<string, Unknown>([['unpublished', { lower: 0, upper: Infinity, secret: false }], ['jan', withheld]]);
    expect(disclosedBy(unknowns, [sum(5, 'unpublished')])).toBeUndefined();
    expect(disclosedBy(new Map([['jan', small], ['feb', small]]), [sum(3, 'jan', 'feb'), sum(30, 'jan', 'feb')])).toBeUndefined();
  });

  it('leaves a figure a reader could already pin down to the rule (threshold 2: every small figure is 1)', () => {
    expect(disclosedWithin(new Map([['jan', { lower: 1, upper: 1, secret: true }], ['feb', withheld]]), [sum(4, 'jan', 'feb')], 2)).toBe('feb');
  });
});
