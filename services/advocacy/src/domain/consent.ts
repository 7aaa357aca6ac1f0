import type { AudienceEntry, ConsentLevel, PartnerAgency, Sharing, Subject, WithheldReason } from '@convene/shared/contracts';

/**
 * The victim's consent to share, and what it allows advocacy to send to partners. Pure: the register that
 * holds consents and the recorder that asks about them live elsewhere.
 */
export interface ConsentState {
  engagementRef: string;
  level: ConsentLevel;
  givenOn: string;
  limitedTo: PartnerAgency[];
  revokedOn?: string | undefined;
}

/** One victim's entry in the consent register: the current consent, and every engagement they have had. */
export interface RegisteredConsent {
  tokens: string[];
  current: ConsentState;
  engagementRefs: string[];
}

/** What consent allows for one record: nothing, everything the advocate chose, or a named audience only. */
export type ConsentRuling =
  | { share: false; reason: Extract<WithheldReason, 'consent_not_given'> }
  | { share: true; audience?: AudienceEntry[] };

/** The record a ruling is asked about: an event, or the command about to become one. */
export interface ConsentQuestion {
  type: string;
  subjects: Subject[];
  data: unknown;
}

const CHAIR: AudienceEntry = { role: 'chair' };
const notGiven = { share: false, reason: 'consent_not_given' } as const;

/**
 * The consents that govern one victim on a record. The register's current consent governs every record
 * about them (old ones too, in a research return); the one exception is an engagement being recorded now,
 * which the register has not seen yet: its own consent is the newest word.
 */
export function governingConsents(question: ConsentQuestion, victimTokens: string[], held: RegisteredConsent[]): (ConsentState | undefined)[] {
  const matching = held.filter((h) => h.tokens.some((t) => victimTokens.includes(t)));
  const pending = pendingEngagement(question);
  if (pending && !matching.some((h) => h.engagementRefs.includes(pending.engagementRef))) return [pending];
  return matching.length > 0 ? matching.map((h) => h.current) : [undefined];
}

function pendingEngagement(question: ConsentQuestion): ConsentState | undefined {
  if (question.type !== 'advocacy.victim.engaged.v1') return undefined;
  const d = question.data as { engagementRef: string; consent: ConsentLevel; consentGivenOn: string; limitedTo?: PartnerAgency[] };
  return { engagementRef: d.engagementRef, level: d.consent, givenOn: d.consentGivenOn, limitedTo: d.limitedTo ?? [] };
}

/**
 * Combine the consents of every victim a record is about. Any victim who said no, revoked, or never
 * engaged (no consent on record is no consent) stops the record; limited consents narrow the audience to
 * the agencies every one of them named, plus the chair who runs the meeting. Records naming no victim are
 * not governed by a victim's consent.
 */
export function consentRuling(consents: (ConsentState | undefined)[]): ConsentRuling {
  let allowed: Set<PartnerAgency> | undefined;
  for (const consent of consents) {
    if (!consent || consent.level === 'none' || consent.revokedOn) return notGiven;
    if (consent.level === 'limited') {
      allowed = new Set(consent.limitedTo.filter((a) => !allowed || allowed.has(a)));
    }
  }
  if (!allowed) return { share: true };
  return { share: true, audience: [...[...allowed].sort().map((agency) => ({ agency })), CHAIR] };
}

/** The sharing a record is given under a ruling: limited consent turns a partnership record restricted. */
export function sharingUnder(ruling: ConsentRuling, requested: { sharing: Sharing; audience?: AudienceEntry[] | undefined }): { sharing: Sharing; audience?: AudienceEntry[] } {
  if (!ruling.share || !ruling.audience || requested.sharing === 'agency') {
    return { sharing: requested.sharing, ...(requested.audience ? { audience: requested.audience } : {}) };
  }
  const consented = ruling.audience;
  if (requested.sharing === 'partnership') return { sharing: 'restricted', audience: consented };
  // The advocate narrowed it already: keep only who the victim agreed to; the chair always sees it.
  const kept = (requested.audience ?? []).filter((entry) => consented.some((c) => sameEntry(c, entry)));
  return { sharing: 'restricted', audience: kept.some((e) => sameEntry(e, CHAIR)) ? kept : [...kept, CHAIR] };
}

/**
 * The audience of safe contact details: the agencies that need to contact her, as far as her consent allows, and
 * nobody else (not the chair: the meeting coordinates, it does not ring her). Empty when consent allows none of them.
 */
export function contactAudience(ruling: ConsentRuling, contacting: PartnerAgency[]): AudienceEntry[] {
  if (!ruling.share) return [];
  const allowed = ruling.audience ? contacting.filter((agency) => ruling.audience!.some((e) => 'agency' in e && e.agency === agency)) : contacting;
  return [...new Set(allowed)].sort().map((agency) => ({ agency }));
}

/**
 * Why a record must stay with advocacy, if it must: no consent, or a record shared more widely than the
 * victim's limited consent now allows (e.g. recorded before they limited it).
 */
export function withholdReason(ruling: ConsentRuling, record: { sharing: Sharing; audience?: AudienceEntry[] | undefined }): WithheldReason | undefined {
  if (!ruling.share) return ruling.reason;
  if (!ruling.audience || record.sharing === 'agency') return undefined;
  const consented = ruling.audience;
  if (record.sharing === 'partnership') return 'consent_not_given';
  const within = (record.audience ?? []).every((entry) => consented.some((c) => sameEntry(c, entry)));
  return within ? undefined : 'consent_not_given';
}

function sameEntry(a: AudienceEntry, b: AudienceEntry): boolean {
  return 'agency' in a ? 'agency' in b && a.agency === b.agency : 'role' in b && a.role === b.role;
}
