import type { Role } from './api/types';

export interface NavItem {
  href: string;
  label: string;
}

/** Where each role starts, and the screens it has. Authorisation itself is the services' business. */
export function navFor(role: Role): NavItem[] {
  const meetings = { href: '/meetings', label: 'Meetings' };
  switch (role) {
    case 'chair': return [meetings];
    case 'police': return [meetings, { href: '/police', label: 'Police records' }];
    case 'cps': return [meetings, { href: '/history-checks', label: 'History checks' }];
    case 'health': return [meetings, { href: '/health-concerns', label: 'Health concerns' }];
    case 'caldicott': return [meetings, { href: '/health-concerns', label: 'Disclosure requests' }];
    case 'advocate': return [meetings, { href: '/advocacy', label: 'Advocacy records' }];
    case 'scrutiny': return [{ href: '/scrutiny', label: 'Partnership figures' }];
  }
}

export const homeFor = (role: Role) => (role === 'chair' ? '/meetings' : navFor(role).at(-1)!.href);
