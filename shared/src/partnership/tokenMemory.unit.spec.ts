import { describe, expect, it } from 'vitest';
import { tokenMemory } from './tokenMemory.js';

function fakePeople(initial: Record<string, string[]>) {
  const stored = new Map(Object.entries(initial));
  const reads: string[][] = [];
  return {
    stored, reads,
    read: async (ids: string[]) => {
      reads.push(ids);
      return new Map(ids.filter((id) => stored.has(id)).map((id) => [id, [...stored.get(id)!]] as [string, string[]]));
    },
  };
}

describe('token memory', () => {
  it('answers the people it recorded or read before without reading, and the unknown ones in one read', async () => {
    const people = fakePeople({ p1: ['t1'], p2: ['t2'], p3: ['t3'] });
    const memory = tokenMemory(people.read, 60_000);
    memory.remember('p1', ['t1']);
    expect(await memory.tokensOf(['p1', 'p2', 'p3', 'nobody'])).toEqual(new Map([['p1', ['t1']], ['p2', ['t2']], ['p3', ['t3']]]));
    expect(people.reads).toEqual([['p2', 'p3', 'nobody']]);
    await memory.tokensOf(['p1', 'p2', 'p3']);
    expect(people.reads).toHaveLength(1);
  });

  it('reads a person again once forgotten (a match confirmed here), and one held past the refresh behind the answer', async () => {
    const people = fakePeople({ p1: ['t1'] });
    const memory = tokenMemory(people.read, 100);
    await memory.tokensOf(['p1']);
    people.stored.set('p1', ['t1', 'alias']);
    memory.forget('p1');
    expect((await memory.tokensOf(['p1'])).get('p1')).toEqual(['t1', 'alias']);

    people.stored.set('p1', ['t1', 'alias', 'another']);
    await new Promise((r) => setTimeout(r, 120));
    // Stale: answered from memory now, read again behind it.
    expect((await memory.tokensOf(['p1'])).get('p1')).toEqual(['t1', 'alias']);
    await new Promise((r) => setTimeout(r, 80));
    expect((await memory.tokensOf(['p1'])).get('p1')).toEqual(['t1', 'alias', 'another']);
  });

  it('does not let a read begun before a change bring the old tokens back', async () => {
    let release: () => void = () => undefined;
    let reads = 0;
    const memory = tokenMemory(async (ids) => {
      const answer = reads++ === 0 ? ['old'] : ['old', 'adopted'];
      await new Promise<void>((r) => { release = r; });
      return new Map(ids.map((id) => [id, answer]));
    }, 60_000);
    const reading = memory.tokensOf(['p1']);
    await new Promise((r) => setImmediate(r));
    memory.forget('p1');
    release();
    expect((await reading).get('p1')).toEqual(['old']);
    const again = memory.tokensOf(['p1']);
    await new Promise((r) => setImmediate(r));
    release();
    expect((await again).get('p1')).toEqual(['old', 'adopted']);
    expect(reads).toBe(2);
  });
});
