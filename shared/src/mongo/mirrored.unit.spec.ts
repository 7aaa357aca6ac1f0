import { describe, expect, it } from 'vitest';
import { mirrored, type KeyedIndex } from './mirrored.js';

interface Doc { key: string; value: number }
const mapIndex = (docs: Doc[]): KeyedIndex<Doc> & { all: Map<string, number> } => {
  const all = new Map(docs.map((d) => [d.key, d.value]));
  return { all, put: (d) => void all.set(d.key, d.value), remove: (key) => void all.delete(key) };
};

/** A database stand-in whose reads the test releases one by one. */
function slowStore(initial: Doc[]) {
  let docs = initial;
  const pending: (() => void)[] = [];
  return {
    set: (next: Doc[]) => { docs = next; },
    reads: () => pending.length,
    release: () => pending.shift()?.(),
    readAll: () => {
      const snapshot = [...docs];
      return new Promise<Doc[]>((resolve) => pending.push(() => resolve(snapshot)));
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

/** A mirror over the slow store, its first read released: what it answers first. */
async function loaded(store: ReturnType<typeof slowStore>, refreshMs: number) {
  const mirror = mirrored({ readAll: store.readAll, build: mapIndex, refreshMs });
  const first = mirror.index();
  await tick();
  store.release();
  return { mirror, first: await first };
}

describe('mirrored', () => {
  it('reads whole on first use, then answers from memory until the refresh is due', async () => {
    const store = slowStore([{ key: 'a', value: 1 }]);
    const { mirror, first } = await loaded(store, 60_000);
    expect(first.all.get('a')).toBe(1);
    store.set([{ key: 'a', value: 2 }]);
    expect((await mirror.index()).all.get('a')).toBe(1);
    expect(store.reads()).toBe(0);
  });

  it('shows its own change at once, and a re-read begun before it does not undo it', async () => {
    const store = slowStore([{ key: 'a', value: 1 }]);
    const { mirror } = await loaded(store, 0);
    // Due at once (refreshMs 0): this call answers from memory and starts a re-read behind it.
    await mirror.index();
    expect(store.reads()).toBe(1);
    mirror.changed('b', { key: 'b', value: 9 });
    mirror.changed('a', undefined);
    expect((await mirror.index()).all).toEqual(new Map([['b', 9]]));
    store.release(); // the re-read saw only { a: 1 }, from before the changes
    await tick();
    expect((await mirror.index()).all).toEqual(new Map([['b', 9]]));
  });

  it('sees another instance\'s change at the next re-read, and keeps the last answer when a re-read fails', async () => {
    let docs: Doc[] = [{ key: 'a', value: 1 }];
    let fail = false;
    const mirror = mirrored({ readAll: async () => { if (fail) throw new Error('database away'); return [...docs]; }, build: mapIndex, refreshMs: 0 });
    expect((await mirror.index()).all.get('a')).toBe(1);
    docs = [{ key: 'a', value: 3 }];
    await mirror.index();
    await tick();
    expect((await mirror.index()).all.get('a')).toBe(3);
    fail = true;
    docs = [];
    await mirror.index();
    await tick();
    expect((await mirror.index()).all.get('a')).toBe(3);
  });

  it('reloads one document another instance changed, unless a change made here came while it was read', async () => {
    const store = slowStore([{ key: 'a', value: 1 }]);
    const { mirror } = await loaded(store, 60_000);
    await mirror.reload('a', async () => ({ key: 'a', value: 2 }));
    expect((await mirror.index()).all.get('a')).toBe(2);
    let answer: (doc: Doc) => void = () => undefined;
    const reloading = mirror.reload('a', () => new Promise<Doc>((r) => { answer = r; }));
    mirror.changed('a', { key: 'a', value: 5 });
    answer({ key: 'a', value: 3 });
    await reloading;
    expect((await mirror.index()).all.get('a')).toBe(5);
    await mirror.reload('a', async () => undefined);
    expect((await mirror.index()).all.has('a')).toBe(false);
  });
});
