import type { Connection } from 'mongoose';
import type { AuditEntry } from './entry.js';

/** An entry as stored: its seq is the _id, so the database itself refuses a second entry at any place. */
export type AuditDoc = Omit<AuditEntry, 'seq'> & { _id: number };

/** The newest seq and hash known to have been written, so deleting the last entries also shows. */
export interface AuditHeadDoc {
  _id: 'head';
  seq: number;
  hash: string;
}

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === DUPLICATE_KEY;
}

/**
 * The driver's collections, not a mongoose model: what is hashed must be exactly what is stored, with
 * no casting, defaults or version key added on the way in, and every stored field read back on the way out.
 */
export function auditCollections(db: Connection) {
  return {
    entries: db.collection<AuditDoc>('audit'),
    head: db.collection<AuditHeadDoc>('audit_head'),
  };
}
export type AuditCollections = ReturnType<typeof auditCollections>;

export function toDoc(entry: AuditEntry): AuditDoc {
  const { seq, ...rest } = entry;
  return { _id: seq, ...rest };
}

/** The hashed view of a stored document: every field it holds (a field added later counts), _id as seq. */
export function hashedFields(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { _id, ...rest } = doc;
  return { seq: _id, ...rest };
}

export function toEntry(doc: AuditDoc): AuditEntry {
  return hashedFields(doc) as AuditEntry;
}
