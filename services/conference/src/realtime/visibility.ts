import { Agency } from '@convene/shared/contracts';
import type { Principal } from '@convene/shared/auth';
import { canView } from '@convene/shared/sharing';
import type { Push } from '../live/index.js';

/**
 * The agency that published what a push carries, as the projector names it in the payload: the timeline
 * entry's agency (`payload.entry.agency`) or `payload.agency`. A Push has no field of its own for it.
 */
const AGENCIES: ReadonlySet<unknown> = new Set(Agency.options);

export function publisherOf(push: Pick<Push, 'payload'>): Agency | undefined {
  const entry = push.payload['entry'];
  const named = typeof entry === 'object' && entry !== null ? (entry as { agency?: unknown }).agency : push.payload['agency'];
  return AGENCIES.has(named) ? (named as Agency) : undefined;
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

/**
 * `mayReceive` for one push and many viewers: the answer depends only on the viewer's agency and role, so it is
 * worked out once per kind of viewer, not once per socket (a room of a thousand has a handful of kinds).
 */
export function judgeOnce(push: Pick<Push, 'sharing' | 'audience' | 'payload'>): (viewer: Pick<Principal, 'agency' | 'role'>) => boolean {
  if (push.sharing === 'partnership') return () => true;
  const answers = new Map<string, boolean>();
  return (viewer) => {
    const key = `${viewer.agency}|${viewer.role}`;
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = mayReceive(push, viewer)));
    return answer;
  };
}
