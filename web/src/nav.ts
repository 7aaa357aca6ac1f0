import type { Role } from './api/types';

export interface NavItem {
  href: string;
  label: string;
}

/** Where each role starts, and the screens it has. Authorisation itself is the services' business. */
export function navFor(role: Role): NavItem[] {
  const meetings = { href: '/meetings', label: 'Meetings' };
  const figures = { href: '/scrutiny', label: 'Partnership figures' };
  switch (role) {
    case 'chair': return [meetings, figures];
    case 'police': return [meetings, { href: '/police', label: 'Police records' }];
    case 'cps': return [meetings, { href: '/history-checks', label: 'History checks' }];
    case 'health': return [meetings, { href: '/health-concerns', label: 'Health concerns' }];
    case 'caldicott': return [meetings, { href: '/health-concerns', label: 'Disclosure requests' }];
    case 'advocate': return [meetings, { href: '/advocacy', label: 'Advocacy records' }];
    case 'health_idva': return [meetings, { href: '/health-concerns', label: 'Health concerns' }, { href: '/advocacy', label: 'Advocacy records' }];
    case 'scrutiny': return [figures];
  }
}

export const homeFor = (role: Role) => (role === 'chair' ? '/meetings' : navFor(role).at(-1)!.href);

/**
 * Screens a role has no business on, so the UI does not even ask: the scrutiny panel sees partnership figures
 * only, never a case or a meeting; the figures are for the panel and the chair. (The services refuse anyway.)
 */
export function notAllowed(role: Role, path: string): string | null {
  if (role === 'scrutiny' && path !== '/scrutiny') return 'As a scrutiny panel member you see de-identified partnership figures only, never a case, a meeting or an agency\'s records.';
  if (role !== 'scrutiny' && role !== 'chair' && path === '/scrutiny') return 'Partnership figures are for the scrutiny panel and the meeting chair.';
  return null;
}
