import { entryHash } from './entry.js';
import { hashedFields, type AuditDoc } from './store.js';

export type BreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'reordered';

/** Where the walk stands: the seq the next entry must have and the hash it must point back to. */
export interface ChainPosition {
  seq: number;
  prevHash: string;
}

/**
 * What is wrong with the entry found at `expected`, if anything. Pure, so every rule has a unit test.
 * 'out_of_place' means neither its own hash nor its link back holds: either an entry from elsewhere in the
 * chain (reordered) or one rewritten wholesale; telling those apart needs a look-up, done by the caller.
 */
export function checkEntry(expected: ChainPosition, doc: AuditDoc): BreakReason | 'out_of_place' | undefined {
  // Pages are read in _id order from `expected.seq`, so a different _id means entries before it are missing.
  if (doc._id !== expected.seq) return 'gap';
  const selfOk = hashHolds(doc);
  const linkOk = doc.prevHash === expected.prevHash;
  if (selfOk && linkOk) return undefined;
  if (linkOk) return 'hash_mismatch'; // altered in place
  if (selfOk) return 'prev_hash_mismatch'; // the one before was rewritten and re-hashed, or this link forged
  return 'out_of_place';
}

export function hashHolds(doc: AuditDoc): boolean {
  try {
    return entryHash(hashedFields(doc)) === doc.hash;
  } catch {
    return false; // a value canonical JSON refuses (a Date, an ObjectId) was written in by hand
  }
}

export function nextPosition(doc: AuditDoc): ChainPosition {
  return { seq: doc._id + 1, prevHash: doc.hash };
}
