import { z } from 'zod';
import { Agency, CaseRef, RecordRef, Role, Timestamp } from '../contracts/index.js';
import { canonicalJson, sha256Hex } from './canonical.js';

/**
 * An audit entry records who did what to which case, and why — and holds NO personal data: no names,
 * dates of birth, tokens or free text about people. The schema enforces it: every object is strict (an
 * unexpected field such as `name` is rejected, not stripped), and every string is an id, a role, an
 * agency, an action, a case reference or a structured purpose.
 */

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export const Hex256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex SHA-256');

/** A user id from a verified token: an opaque identifier, never an email address or a display name. */
export const ActorSub = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:|-]{0,127}$/, 'expected an opaque user id');

export const AuditActor = z.strictObject({ sub: ActorSub, role: Role, agency: Agency });
export type AuditActor = z.infer<typeof AuditActor>;

/** What was done, e.g. 'chronology.read', 'chronology.export.csv', 'action.assign'. */
export const AuditAction = z.string().max(64).regex(/^[a-z][a-z_.]*$/, 'expected an action like chronology.read');

/** A month range, as scrutiny reads figures: `2025-04..2026-03`. */
const MonthRange = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])\.\.\d{4}-(0[1-9]|1[0-2])$/, 'expected a month range like 2025-04..2026-03');

/**
 * Why it was read or done, as a structured reason rather than free text: the meeting that gave access, the
 * history check or disclosure request being answered, the scrutiny period. `ref` is always an id or a range,
 * never text about a person, and the kind says where it points:
 * - meeting: a member's read through the meeting that has the case (or a socket join or catch-up); ref = meeting id
 * - coordination: a chair preparing agendas and running the partnership, no meeting in particular
 * - history_request: a CPS history check; ref = the request ref
 * - disclosure_request: a health disclosure request; ref = the request ref
 * - scrutiny: de-identified monthly figures; ref = the month range
 * - case: an agency reading its own records for a listed case; ref = the case reference
 * - casework: an agency reading its own records for its own work, no conference purpose named
 * - none: a refused request that named no purpose it could have been granted for
 */
export const AuditPurpose = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('meeting'), ref: z.uuid() }),
  z.strictObject({ kind: z.literal('history_request'), ref: z.uuid() }),
  z.strictObject({ kind: z.literal('disclosure_request'), ref: z.uuid() }),
  z.strictObject({ kind: z.literal('scrutiny'), ref: MonthRange }),
  z.strictObject({ kind: z.literal('case'), ref: CaseRef }),
  z.strictObject({ kind: z.literal('coordination') }),
  z.strictObject({ kind: z.literal('casework') }),
  z.strictObject({ kind: z.literal('none') }),
]);
export type AuditPurpose = z.infer<typeof AuditPurpose>;
export const AuditPurposeKind = z.enum(['meeting', 'history_request', 'disclosure_request', 'scrutiny', 'case', 'coordination', 'casework', 'none']);

/** `meeting:<id>`, `coordination`: the purpose as one short string, for messages and filters. */
export function purposeLabel(purpose: AuditPurpose): string {
  return 'ref' in purpose ? `${purpose.kind}:${purpose.ref}` : purpose.kind;
}

/** What was read, when it is one of an agency's own records: its kind (`person`, `incident`…) and its id. */
export const AuditRecord = z.strictObject({
  kind: z.string().max(40).regex(/^[a-z][a-z_]*$/, 'expected a record kind like incident'),
  ref: RecordRef,
});

export const AuditOutcome = z.enum(['allowed', 'denied']);

export const AuditInput = z.strictObject({
  actor: AuditActor,
  action: AuditAction,
  caseRef: CaseRef.optional(),
  meetingId: z.uuid().optional(),
  requestRef: z.uuid().optional(),
  record: AuditRecord.optional(),
  purpose: AuditPurpose,
  outcome: AuditOutcome,
});
export type AuditInput = z.infer<typeof AuditInput>;

export const AuditEntry = AuditInput.extend({
  seq: z.int().positive(),
  at: Timestamp,
  prevHash: Hex256,
  hash: Hex256,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The hash covers every field except itself, seq included, so an entry cannot move without showing. */
export function entryHash(fields: Readonly<Record<string, unknown>>): string {
  const { hash: _ignored, ...hashed } = fields;
  return sha256Hex(canonicalJson(hashed));
}
