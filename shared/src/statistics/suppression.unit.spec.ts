import { describe, expect, it } from 'vitest';
import { count, countsBy, medianOf, suppress, suppressionRule } from './suppression.js';

describe('small-cell suppression', () => {
  it('publishes zero and counts at or above the threshold, and suppresses 1 to threshold − 1', () => {
    const cells = suppress([count('a', 0), count('b', 1), count('c', 4), count('d', 5), count('e', 12)], 5);
    expect(cells).toEqual([
      { measure: 'a', value: 0, suppressed: false },
      { measure: 'b', value: null, suppressed: true },
      { measure: 'c', value: null, suppressed: true },
      { measure: 'd', value: 5, suppressed: false },
      { measure: 'e', value: 12, suppressed: false },
    ]);
  });

  it('follows a configured threshold', () => {
    expect(suppress([count('a', 9), count('b', 10)], 10).map((c) => c.suppressed)).toEqual([true, false]);
  });

  it('suppresses a median by how many records it describes, not by its value', () => {
    expect(suppress([medianOf('m', 2, 7)], 5)).toEqual([{ measure: 'm', value: 2, suppressed: false }]);
    expect(suppress([medianOf('m', 30, 3)], 5)).toEqual([{ measure: 'm', value: null, suppressed: true }]);
    expect(suppress([medianOf('m', undefined, 0)], 5)).toEqual([{ measure: 'm', value: null, suppressed: false }]);
  });

  it('suppresses a second part when a published total would reveal a suppressed one', () => {
    const cells = suppress([count('total', 20), ...countsBy('part', ['x', 'y', 'z'], [...Array(3).fill('x'), ...Array(9).fill('y'), ...Array(8).fill('z')], 'total')], 5);
    expect(cells.map((c) => [c.breakdown ?? c.measure, c.value])).toEqual([['total', 20], ['x', null], ['y', 9], ['z', null]]);
  });

  it('suppresses the total when no other part can hide the suppressed one', () => {
    const cells = suppress([count('total', 3), ...countsBy('part', ['x', 'y'], ['x', 'x', 'x'], 'total')], 5);
    expect(cells.map((c) => c.value)).toEqual([null, null, 0]);
  });

  it('leaves a group alone when two members are already suppressed', () => {
    const cells = suppress([count('total', 26), ...countsBy('part', ['x', 'y', 'z'], [...Array(2).fill('x'), ...Array(3).fill('y'), ...Array(21).fill('z')], 'total')], 5);
    expect(cells.map((c) => c.value)).toEqual([26, null, null, 21]);
  });

  it('states the rule with the threshold', () => {
    expect(suppressionRule(5)).toContain('1 to 4');
  });
});
