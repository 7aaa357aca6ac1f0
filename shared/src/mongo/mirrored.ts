/** How often an instance re-reads what it mirrors, to see what another instance of the service changed. */
export const DEFAULT_PEER_REFRESH_MS = 1000;

/** An index over documents held in memory: the whole set is rebuilt from a read, and changed one by one. */
export interface KeyedIndex<T> {
  put(item: T): void;
  remove(key: string): void;
}

export interface Mirrored<T, I> {
  /** The index: read whole on first use; after that answered at once, and re-read behind it when older than `refreshMs`. */
  index(): Promise<I>;
  /** This instance changed one document (stored already): the index shows it at once, and a re-read under way keeps it. */
  changed(key: string, item: T | undefined): void;
  /**
   * Another instance changed this document: read it alone now (`readOne`), rather than at the next re-read of
   * them all. A change made here while it is read wins over what it read.
   */
  reload(key: string, readOne: () => Promise<T | undefined>): Promise<void>;
}

/**
 * A small, hot set of documents (open listings, running meetings) mirrored in memory, so a request or a live
 * round reads nothing. What this instance writes shows at once; what another instance of the service writes,
 * at the next re-read (`refreshMs`), which runs behind the callers: a failed one keeps the last and is tried
 * again by the next caller.
 */
export function mirrored<T, I extends KeyedIndex<T>>(options: {
  readAll: () => Promise<T[]>;
  build: (items: T[]) => I;
  refreshMs: number;
}): Mirrored<T, I> {
  let current: I | undefined;
  let readAt = -Infinity;
  let reading: Promise<I> | undefined;
  // Changes made here while a re-read is under way win over what it read.
  let madeDuringRead: Map<string, T | undefined> | undefined;
  // The single reloads under way, per key: a change made here marks them stale.
  const reloading = new Map<string, Set<{ stale: boolean }>>();

  const apply = (key: string, item: T | undefined) => {
    if (!current) return;
    if (item === undefined) current.remove(key); else current.put(item);
  };

  const reread = (): Promise<I> => {
    const made = new Map<string, T | undefined>();
    madeDuringRead = made;
    const startedAt = Date.now();
    // Begun on the next tick, so `reading` is set before anything below can finish (even a read that throws at once).
    reading = Promise.resolve().then(async () => {
      try {
        const fresh = options.build(await options.readAll());
        for (const [key, item] of made) if (item === undefined) fresh.remove(key); else fresh.put(item);
        current = fresh;
        readAt = startedAt;
        return fresh;
      } finally {
        reading = undefined;
        madeDuringRead = undefined;
      }
    });
    return reading;
  };

  return {
    async index() {
      if (!current) return reading ?? reread();
      if (!reading && Date.now() - readAt >= options.refreshMs) reread().catch(() => undefined);
      return current;
    },
    changed(key, item) {
      apply(key, item);
      madeDuringRead?.set(key, item);
      for (const watch of reloading.get(key) ?? []) watch.stale = true;
    },
    async reload(key, readOne) {
      const watch = { stale: false };
      const watches = reloading.get(key) ?? new Set();
      reloading.set(key, watches.add(watch));
      try {
        const item = await readOne();
        if (!watch.stale) apply(key, item);
      } finally {
        watches.delete(watch);
        if (watches.size === 0) reloading.delete(key);
      }
    },
  };
}
