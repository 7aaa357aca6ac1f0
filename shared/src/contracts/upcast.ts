/**
 * Upcasters turn an older version of an event into the current one at the edge, before validation, so
 * the rest of the code only ever sees current types. Keyed by the old `type`; each returns a newer event
 * (which may itself be upcast again).
 */
export type Upcaster = (event: Record<string, unknown>) => Record<string, unknown>;
export type UpcasterRegistry = ReadonlyMap<string, Upcaster>;

/** No v0 or v2 exists yet: v1 is the first published version. */
export const builtInUpcasters: UpcasterRegistry = new Map();

const MAX_STEPS = 10;

export function upcast(raw: unknown, registry: UpcasterRegistry = builtInUpcasters): unknown {
  let event = raw;
  for (let step = 0; step < MAX_STEPS; step++) {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
    const record = event as Record<string, unknown>;
    const upcaster = typeof record.type === 'string' ? registry.get(record.type) : undefined;
    if (!upcaster) return event;
    event = upcaster(record);
  }
  throw new Error('upcasting did not settle: the registry has a cycle');
}
