import { Agency } from '@convene/shared/contracts';
import type { Principal } from '@convene/shared/auth';
import { canView } from '@convene/shared/sharing';
import type { Push } from '../live/index.js';

/**
 * The agency that published what a push carries, as the projector names it in the payload: the timeline
 * entry's agency (`payload.entry.agency`) or `payload.agency`. A Push has no field of its own for it.
 */
export function publisherOf(push: Pick<Push, 'payload'>): Agency | undefined {
  const entry = push.payload['entry'];
  const named = typeof entry === 'object' && entry !== null ? (entry as { agency?: unknown }).agency : push.payload['agency'];
  const parsed = Agency.safeParse(named);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Adapter onto the one visibility rule (`canView`): a restricted push reaches its audience and the publishing
 * agency's own users. With no publisher named, the own-agency exception cannot apply, so the push is judged
 * as if another agency had published it: only the audience sees it (fails closed).
 */
export function mayReceive(push: Pick<Push, 'sharing' | 'audience' | 'payload'>, viewer: Pick<Principal, 'agency' | 'role'>): boolean {
  const agency = publisherOf(push) ?? Agency.options.find((a) => a !== viewer.agency)!;
  // The push's sharing and audience were written by the same rule, consent included (see casePushes).
  return canView({ sharing: push.sharing, audience: push.audience ?? undefined, agency }, { agency: viewer.agency, role: viewer.role });
}
