export { createAuditLog, type AuditLog, type AuditLogOptions } from './auditLog.js';
export {
  AuditInput, AuditEntry, AuditActor, AuditAction, AuditPurpose, AuditPurposeKind, AuditRecord, AuditOutcome, GENESIS_HASH, entryHash, purposeLabel,
} from './entry.js';
export { AuditFilter } from './list.js';
export type { VerifyResult } from './verify.js';
export type { BreakReason } from './chainCheck.js';
export { canonicalJson, sha256Hex } from './canonical.js';
export {
  AuditAnchor, AnchorKey, ChainName, signAnchor, anchorSignatureHolds, anchoredSeqs, checkAnchors, type AnchorBreak, type AnchorCheck, type UnsignedAnchor,
} from './anchor.js';
export { createAnchorer, type Anchorer, type AnchorerOptions } from './anchorer.js';
export { anchorMessage, readAnchors, ANCHOR_MESSAGE_TYPE, type AnchorsRead } from './anchorTopic.js';
export { createAuditTrail, actorOf, type AuditTrail, type AuditTrailOptions } from './trail.js';
