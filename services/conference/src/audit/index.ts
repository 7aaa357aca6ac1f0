export { createAuditLog, type AuditLog, type AuditLogOptions } from './auditLog.js';
export { AuditInput, AuditEntry, AuditActor, AuditAction, AuditPurpose, AuditOutcome, GENESIS_HASH, entryHash } from './entry.js';
export { AuditFilter } from './list.js';
export type { VerifyResult } from './verify.js';
export type { BreakReason } from './chainCheck.js';
export { canonicalJson, sha256Hex } from './canonical.js';
