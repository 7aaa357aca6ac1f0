import type { Agency, ChronologyReport, ChronologyReportEntry, ChronologyReportWithheld } from '@convene/shared/contracts';
import type { Chronology, ChronologyEntry } from '../db/chronologies.js';
import { materialOf } from '@convene/shared/sharing';
import { agencyLabel } from '@convene/shared/contracts';

/** A check as stored; one kept before the purpose text was stored shows the lawful basis alone. */
export type CheckRecord = Chronology;

export type { ChronologyReport };
export type ReportEntry = ChronologyReportEntry;
export type ReportWithheld = ChronologyReportWithheld;

const words = (code: string) => code.replace(/[_.]+/g, ' ').trim();
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const lawfulBasisLabel = (basis: string) => sentence(words(basis));
/** How far back agencies were asked to look, for the report's heading. */
/** The officer in the case as one line: name, reference, contact. */
export const officerLabel = (o: ChronologyReport['officerInCase']) => (o ? [o.name, o.reference, o.contact].filter(Boolean).join(', ') : 'not given');
export const windowLabel = (months: number | null) => (months ? `${months} months` : 'each agency\'s usual window (12 months by default)');

export const agencyName = (agency: string) => agencyLabel[agency as Agency] ?? agency;

/** `police.incident.recorded.v1` → `incident recorded`: the kind of record, without the plumbing. */
export function recordLabel(type: string): string {
  const parts = type.split('.');
  const inner = parts.length >= 3 && /^v\d+$/.test(parts.at(-1) ?? '') ? parts.slice(1, -1) : parts;
  return words(inner.join(' '));
}

export function requesterLabel(who: { userId: string; displayName?: string }): string {
  return who.displayName ? `${who.displayName} (${who.userId})` : who.userId;
}

export function withheldLine(w: ReportWithheld): string {
  return `${agencyName(w.agency)}: ${w.count} ${words(w.recordKind)} ${w.count === 1 ? 'record' : 'records'} withheld (${words(w.reason)})`;
}

/** A timestamp with any offset, as UTC ISO; left as it is if it does not parse. */
export function utc(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toISOString();
}

export function isExpired(check: Pick<Chronology, 'expiresAt'>, now: Date): boolean {
  return new Date(check.expiresAt).getTime() <= now.getTime();
}

export function chronologyReport(check: CheckRecord, entries: ChronologyEntry[], generatedAt: Date): ChronologyReport {
  const basis = lawfulBasisLabel(check.lawfulBasis);
  const text = check.purpose?.trim();
  const requestedBy = { userId: check.requestedBy.userId, ...(check.requestedBy.displayName ? { displayName: check.requestedBy.displayName } : {}) };
  // The store sorts by the stored string; offsets may differ between agencies, so order by the instant.
  const ordered = [...entries].sort((a, b) => new Date(a.occurredAt).getTime() - new Date(b.occurredAt).getTime() || a.eventId.localeCompare(b.eventId));
  // FerretDB leaves empty arrays and nulls out of an upsert's $setOnInsert, so a fresh check may lack them.
  const answeredBy: string[] = check.answeredBy ?? [];
  const withheld: Chronology['withheld'] = check.withheld ?? [];
  return {
    requestRef: check.requestRef,
    caseRef: check.caseRef ?? null,
    urn: check.urn ?? null,
    state: check.state ?? 'open',
    refusal: check.refusal ? { code: check.refusal.code, reason: check.refusal.reason } : null,
    lawfulBasis: check.lawfulBasis,
    windowMonths: check.windowMonths ?? null,
    officerInCase: check.officerInCase ?? null,
    purposeText: text || null,
    purpose: text ? `${basis}: ${text}` : basis,
    requestedBy,
    requester: requesterLabel(requestedBy),
    generatedAt: generatedAt.toISOString(),
    openedAt: utc(check.openedAt),
    expiresAt: utc(check.expiresAt),
    answeredBy: [...answeredBy].sort(),
    entries: ordered.map((e) => ({
      eventId: e.eventId, occurredAt: utc(e.occurredAt), agency: e.agency, type: e.type, record: recordLabel(e.type), summary: e.summary, sharing: e.sharing,
      material: materialOf(e.type),
    })),
    withheld: withheld.map((w) => ({ agency: w.agency, recordKind: w.recordKind, reason: w.reason, count: w.count })),
  };
}
