import type { Agency, AudienceEntry, ConsentLevel, PartnerAgency, Role, Sharing } from '../contracts/index.js';

export interface Viewer {
  agency: Agency;
  role: Role;
}

/** What decides who may see a record: who published it, its sharing level and its named audience. */
export interface Shareable {
  /** The event type, where known: consent records themselves are not narrowed by consent. */
  type?: string;
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
 * `agency` records reach nobody else; `partnership` ones reach every member; `restricted` ones reach their
 * named agencies and roles. Advocacy records are first narrowed by the victim's consent (narrowByConsent).
 */
export function canView(record: Shareable, viewer: Viewer, consent?: ConsentLimit | null): boolean {
  const judged = narrowByConsent(record, consent);
  if (judged.agency === viewer.agency) return true;
  if (judged.sharing === 'agency') return false;
  if (judged.sharing === 'partnership') return true;
  return (judged.audience ?? []).some((a) => ('agency' in a ? a.agency === viewer.agency : a.role === viewer.role));
}

const CHAIR: AudienceEntry = { role: 'chair' };

/** How partners learn what the victim agreed to, and that she withdrew it: shared as advocacy published them. */
const isConsentRecord = (type: string | undefined) => type === 'advocacy.victim.engaged.v1' || type === 'advocacy.consent.revoked.v1';

/**
 * An advocacy record as the victim's consent now lets it be seen: none or revoked leaves it with advocacy
 * alone; limited lets only the agencies she named and the chair see it (a named role other than the chair is
 * dropped, since a role alone does not say which agency it sits in: narrower, never wider). Written as a
 * sharing level and audience, so a push carries the same answer as the case view without knowing consent.
 */
export function narrowByConsent<R extends Shareable>(record: R, consent?: ConsentLimit | null): Shareable {
  if (record.agency !== 'advocacy' || !consent || record.sharing === 'agency' || isConsentRecord(record.type)) return record;
  if (consent.revoked || consent.level === 'none') return { agency: record.agency, sharing: 'restricted', audience: [] };
  if (consent.level !== 'limited') return record;
  const named = consent.limitedTo.map((agency): AudienceEntry => ({ agency }));
  if (record.sharing === 'partnership') return { agency: record.agency, sharing: 'restricted', audience: [...named, CHAIR] };
  const kept = (record.audience ?? []).filter((a) => ('agency' in a ? consent.limitedTo.some((l) => l === a.agency) : a.role === 'chair'));
  return { agency: record.agency, sharing: 'restricted', audience: kept };
}

/** The CPS lawyer who asked for a history check: the only reader of its chronology. */
export const historyCheckReader: Viewer = { agency: 'cps', role: 'cps' };
