import type { Agency, AudienceEntry, ConsentLevel, PartnerAgency, Role, Sharing } from '../contracts/index.js';

export interface Viewer {
  agency: Agency;
  role: Role;
}

/** What decides who may see a record: who published it, its sharing level and its named audience. */
export interface Shareable {
  agency: Agency;
  sharing: Sharing;
  audience?: readonly AudienceEntry[] | null | undefined;
}

/** The victim's consent to advocacy sharing, as it stands now (it can narrow what was shared before). */
export interface ConsentLimit {
  level: ConsentLevel | null;
  limitedTo: readonly PartnerAgency[];
  revoked: boolean;
}

/**
 * The one visibility rule, used on every path that shows a record (case view, chronology and its exports,
 * socket pushes and catch-up, research returns). The publishing agency always sees its own records;
 * `agency` records reach nobody else; `restricted` ones reach their named agencies and roles; advocacy
 * records are further bound by the victim's consent: none or revoked hides them from every partner, limited
 * lets only the named agencies and the chair see them.
 */
export function canView(record: Shareable, viewer: Viewer, consent?: ConsentLimit | null): boolean {
  if (record.agency === viewer.agency) return true;
  if (record.sharing === 'agency') return false;
  if (record.agency === 'advocacy' && consent && !consentAllows(consent, viewer)) return false;
  if (record.sharing === 'partnership') return true;
  return (record.audience ?? []).some((a) => ('agency' in a ? a.agency === viewer.agency : a.role === viewer.role));
}

function consentAllows(consent: ConsentLimit, viewer: Viewer): boolean {
  if (consent.revoked || consent.level === 'none') return false;
  if (consent.level !== 'limited') return true;
  return viewer.role === 'chair' || consent.limitedTo.some((a) => a === viewer.agency);
}

/** The CPS lawyer who asked for a history check: the only reader of its chronology. */
export const historyCheckReader: Viewer = { agency: 'cps', role: 'cps' };
