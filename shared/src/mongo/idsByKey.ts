/** For a mirrored index: the ids of the documents holding each key (a token, a case on an agenda). */
export interface IdsByKey {
  add(keys: Iterable<string>, id: string): void;
  remove(keys: Iterable<string>, id: string): void;
  get(key: string): ReadonlySet<string> | undefined;
}

export function idsByKey(): IdsByKey {
  const ids = new Map<string, Set<string>>();
  return {
    add(keys, id) {
      for (const key of keys) {
        let held = ids.get(key);
        if (!held) ids.set(key, (held = new Set()));
        held.add(id);
      }
    },
    remove(keys, id) {
      for (const key of keys) {
        const held = ids.get(key);
        held?.delete(id);
        if (held?.size === 0) ids.delete(key);
      }
    },
    get: (key) => ids.get(key),
  };
}
