import { z } from 'zod';
import { Agency, CaseRef, Role, Timestamp } from '@convene/shared/contracts';
import { canonicalJson, sha256Hex } from './canonical.js';

/**
 * An audit entry records who did what to which case, and why — and holds NO personal data: no names,
 * dates of birth, tokens or free text about people. The schema enforces it: every object is strict (an
 * unexpected field such as `name` is rejected, not stripped), and every string is an id, a role, an
 * agency, an action, a case reference or a short purpose without digits.
 */

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const Hex256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a hex SHA-256');

/** A user id from a verified token: an opaque identifier, never an email address or a display name. */
export const ActorSub = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:|-]{0,127}$/, 'expected an opaque user id');

export const AuditActor = z.strictObject({ sub: ActorSub, role: Role, agency: Agency });
export type AuditActor = z.infer<typeof AuditActor>;

/** What was done, e.g. 'chronology.read', 'chronology.export.csv', 'action.assign'. */
export const AuditAction = z.string().max(64).regex(/^[a-z][a-z_.]*$/, 'expected an action like chronology.read');

/**
 * Why, in a few words ('live meeting', 'CPS history check'). No digits, so no date of birth, NHS or PNC
 * number, phone number or record reference can be slipped in; ids belong in their own fields.
 */
export const AuditPurpose = z.string().trim().min(3).max(80).regex(/^[A-Za-z][A-Za-z ,'()/&-]*$/, 'letters, spaces and , \' ( ) / & - only');

export const AuditOutcome = z.enum(['allowed', 'denied']);

export const AuditInput = z.strictObject({
  actor: AuditActor,
  action: AuditAction,
  caseRef: CaseRef.optional(),
  meetingId: z.uuid().optional(),
  requestRef: z.uuid().optional(),
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
