/** People whose tokens an instance keeps in memory (the most recently used). */
const REMEMBERED_PEOPLE = 50_000;

export interface TokenMemory {
  /** The tokens of these people: from memory, or read (all unknown ones in one read); absent ones are not held. */
  tokensOf(personIds: readonly string[]): Promise<Map<string, string[]>>;
  /** This instance recorded the person: hold the tokens. */
  remember(personId: string, tokens: string[]): void;
  /** This instance changed the person's tokens: read them again when next asked. */
  forget(personId: string): void;
}

/**
 * People's link tokens, held in memory so that a command (which names its people) reads nothing once they are
 * known here. Tokens only grow (a confirmed match adopts more). What this instance changes shows at once; what
 * another instance changed, when a person held longer than `refreshMs` is read again, behind the command that
 * found it so (those found meanwhile together, at most four times a second).
 */
export function tokenMemory(read: (personIds: string[]) => Promise<Map<string, string[]>>, refreshMs: number): TokenMemory {
  const held = new Map<string, { tokens: string[]; readAt: number }>();
  // This instance's changes, numbered: a read begun before a person's last change must not bring the old tokens back.
  let changes = 0;
  const changedAt = new Map<string, number>();
  const stale = new Set<string>();
  let rereading = false;

  const hold = (personId: string, tokens: string[], readAt: number) => {
    held.delete(personId);
    held.set(personId, { tokens, readAt });
    if (held.size > REMEMBERED_PEOPLE) held.delete(held.keys().next().value!);
  };
  const readAndHold = async (personIds: string[]) => {
    const readAt = Date.now();
    const changesBefore = changes;
    const found = await read(personIds);
    for (const [personId, tokens] of found) {
      if ((changedAt.get(personId) ?? 0) > changesBefore) continue;
      hold(personId, tokens, readAt);
      changedAt.delete(personId);
    }
    return found;
  };
  const rereadSoon = () => {
    if (rereading || stale.size === 0) return;
    rereading = true;
    setTimeout(() => {
      const personIds = [...stale];
      stale.clear();
      // A failed re-read keeps what is held; the next command finds the people stale again.
      readAndHold(personIds).catch(() => undefined).finally(() => { rereading = false; });
    }, Math.min(refreshMs / 4, 250)).unref();
  };

  return {
    async tokensOf(personIds) {
      const unknown = personIds.filter((id) => !held.has(id));
      const found = unknown.length > 0 ? await readAndHold(unknown) : new Map<string, string[]>();
      const now = Date.now();
      for (const id of personIds) {
        const known = held.get(id);
        if (found.has(id) || !known) continue;
        found.set(id, known.tokens);
        // Most recently used last: the first in the map is the one to let go.
        held.delete(id);
        held.set(id, known);
        if (now - known.readAt >= refreshMs) stale.add(id);
      }
      rereadSoon();
      return found;
    },
    remember(personId, tokens) {
      hold(personId, tokens, Date.now());
    },
    forget(personId) {
      held.delete(personId);
      changedAt.set(personId, ++changes);
    },
  };
}
