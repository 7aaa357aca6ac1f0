/**
 * The sign-in this tab started, kept in sessionStorage across the round trip to the provider: the state to
 * expect back, the PKCE verifier, and where the person wanted to go. Read once: taking it removes it.
 */
export interface PendingSignIn {
  state: string;
  verifier: string;
  /** The app path to open once signed in, if one was asked for. */
  next: string | null;
  startedAt: number;
}

const KEY = 'convene.oidc.pending';

export function savePending(pending: PendingSignIn): void {
  sessionStorage.setItem(KEY, JSON.stringify(pending));
}

export function takePending(): PendingSignIn | null {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<PendingSignIn>;
    if (typeof value.state !== 'string' || typeof value.verifier !== 'string' || typeof value.startedAt !== 'number') return null;
    return { state: value.state, verifier: value.verifier, next: safeNext(value.next ?? null), startedAt: value.startedAt };
  } catch {
    return null;
  }
}

/** Only a path of this app (never `//other.host`, never the sign-in pages themselves). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next === '/' || next.startsWith('/sign-in') || next.startsWith('/auth/')) return null;
  return next;
}
