import type { Principal } from './api/types';

export interface Session {
  token: string;
  principal: Principal;
  /** Set when the service refused the token: the sign-in screen says why. */
  expired?: boolean;
}

const KEY = 'convene.session';
type Listener = (s: Session | null) => void;
const listeners = new Set<Listener>();

// sessionStorage: the token survives a reload but not closing the tab, and is never sent anywhere unasked.
function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

let current = read();

function set(next: Session | null): void {
  current = next;
  if (next) sessionStorage.setItem(KEY, JSON.stringify(next));
  else sessionStorage.removeItem(KEY);
  for (const l of listeners) l(next);
}

export const session = {
  current: () => (current && !current.expired ? current : null),
  expiredPrincipal: () => (current?.expired ? current.principal : null),
  signIn: (token: string, principal: Principal) => set({ token, principal }),
  /** Forget everything this tab held for the person, including people they recorded. */
  signOut: () => {
    sessionStorage.clear();
    set(null);
  },
  expire: () => {
    if (current && !current.expired) set({ ...current, expired: true });
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
