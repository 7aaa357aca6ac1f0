import { z } from 'zod';
import { CaseRef } from '../contracts/index.js';
import { ActorSub, AuditAction, AuditOutcome, AuditPurposeKind, type AuditEntry } from './entry.js';
import { toEntry, type AuditCollections } from './store.js';

/** Who looked at what: a page of entries in seq order, narrowed by any of these. */
export const AuditFilter = z.strictObject({
  caseRef: CaseRef.optional(),
  meetingId: z.uuid().optional(),
  requestRef: z.uuid().optional(),
  actorSub: ActorSub.optional(),
  action: AuditAction.optional(),
  outcome: AuditOutcome.optional(),
  purposeKind: AuditPurposeKind.optional(),
  /** The meeting id, request ref, month range or case reference the purpose points at. */
  purposeRef: z.string().min(1).max(64).optional(),
  /** Page on: entries after this seq. */
  afterSeq: z.int().nonnegative().default(0),
  limit: z.int().min(1).max(1000).default(100),
});
export type AuditFilter = z.input<typeof AuditFilter>;

export async function listEntries({ entries }: AuditCollections, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const f = AuditFilter.parse(filter);
  const query = {
    _id: { $gt: f.afterSeq },
    ...(f.caseRef ? { caseRef: f.caseRef } : {}),
    ...(f.meetingId ? { meetingId: f.meetingId } : {}),
    ...(f.requestRef ? { requestRef: f.requestRef } : {}),
    ...(f.actorSub ? { 'actor.sub': f.actorSub } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.purposeKind ? { 'purpose.kind': f.purposeKind } : {}),
    ...(f.purposeRef ? { 'purpose.ref': f.purposeRef } : {}),
  };
  const docs = await entries.find(query).sort({ _id: 1 }).limit(f.limit).toArray();
  return docs.map(toEntry);
}
