import { describe, expect, it } from 'vitest';
import { median } from './median.js';
import { addMonths, daysBetween, monthOf, monthsBetween, monthWindow, previousMonth, within } from './months.js';

describe('median', () => {
  it('is undefined for nothing, the middle value for an odd count', () => {
    expect(median([])).toBeUndefined();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 4])).toBe(4);
  });
  it('averages the middle pair for an even count, rounding half up to whole days', () => {
    expect(median([1, 2, 3, 4])).toBe(3);
    expect(median([2, 4, 10, 1])).toBe(3);
    expect(median([0, 0, 1, 1])).toBe(1);
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('months', () => {
  it('bounds a calendar month in UTC, the end exclusive', () => {
    const w = monthWindow('2024-02');
    expect(w.from.toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(w.to.toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(within('2024-02-29T23:59:59.999Z', w)).toBe(true);
    expect(within('2024-03-01T00:00:00.000Z', w)).toBe(false);
    expect(within('2024-01-31T23:59:59.999+00:00', w)).toBe(false);
  });
  it('steps across years', () => {
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -13)).toBe('2024-12');
    expect(previousMonth(new Date('2026-01-15T10:00:00Z'))).toBe('2025-12');
    expect(monthOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-03');
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-02', '2025-11')).toEqual([]);
  });
  it('counts whole calendar days', () => {
    expect(daysBetween('2026-03-01T23:00:00Z', '2026-03-02T01:00:00Z')).toBe(1);
    expect(daysBetween('2026-03-01T01:00:00Z', '2026-03-01T23:00:00Z')).toBe(0);
  });
});
