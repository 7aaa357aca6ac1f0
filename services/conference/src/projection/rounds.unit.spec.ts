import { describe, expect, it } from 'vitest';
import { createRounds } from './rounds.js';

describe('rounds', () => {
  it('takes the calls made while a round runs together in the next round', async () => {
    const seen: number[][] = [];
    const rounds = createRounds<number>(async (items) => {
      seen.push(items);
      await new Promise((r) => setTimeout(r, 5));
    });
    await Promise.all([rounds.run([1]), rounds.run([2, 3]), rounds.run([4])]);
    expect(seen).toEqual([[1, 2, 3, 4]]);
    const first = rounds.run([5]);
    await new Promise((r) => setImmediate(r));
    await Promise.all([first, rounds.run([6]), rounds.run([7])]);
    expect(seen.slice(1)).toEqual([[5], [6, 7]]);
  });

  it('runs each call of a failed round on its own, so only the bad one fails', async () => {
    const rounds = createRounds<string>(async (items) => {
      if (items.includes('bad')) throw new Error('bad item');
    });
    const results = await Promise.allSettled([rounds.run(['a']), rounds.run(['bad']), rounds.run(['b'])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
