import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newEventId } from './eventId.js';

describe('event ids', () => {
  it('are version 7 UUIDs that sort in the order they were made, none repeated, even many in one millisecond', () => {
    const at = Date.parse('2026-12-08T02:00:00Z');
    // 5,000 in one millisecond overflow the 12-bit counter: the time then moves on a millisecond.
    const ids = [...Array.from({ length: 5_000 }, () => newEventId(at)), ...Array.from({ length: 100 }, (_, i) => newEventId(at + 2 + i))];
    expect(ids.every((id) => z.uuid().safeParse(id).success && id[14] === '7' && '89ab'.includes(id[19]!))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.replace(/-/g, '').slice(0, 12)).toBe(at.toString(16).padStart(12, '0'));
  });

  it('keep their order when the clock steps back', () => {
    const first = newEventId(Date.parse('2026-12-08T03:00:00Z'));
    const afterStepBack = newEventId(Date.parse('2026-12-08T02:59:59Z'));
    expect(afterStepBack > first).toBe(true);
  });
});
