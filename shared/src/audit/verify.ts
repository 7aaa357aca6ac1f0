import { GENESIS_HASH } from './entry.js';
import { checkEntry, nextPosition, type BreakReason, type ChainPosition } from './chainCheck.js';
import { readHead } from './head.js';
import type { AuditCollections, AuditDoc } from './store.js';

export type VerifyResult =
  | { ok: true; entries: number }
  /** `entries` is the length of the intact prefix: the entries before `firstBroken.seq`. */
  | { ok: false; entries: number; firstBroken: { seq: number; reason: BreakReason } };

/**
 * Walk the chain in seq order, a page at a time so a long log never sits in memory, and stop at the first
 * entry that breaks it. A deleted entry is reported as a 'gap' at the missing seq itself.
 */
export async function verifyChain(collections: AuditCollections, batchSize = 1000): Promise<VerifyResult> {
  // Read before walking, so entries appended meanwhile can only make the chain longer than the head.
  const head = await readHead(collections);
  let at: ChainPosition = { seq: 1, prevHash: GENESIS_HASH };
  for (;;) {
    const page = await collections.entries.find({ _id: { $gte: at.seq } }).sort({ _id: 1 }).limit(batchSize).toArray();
    for (const doc of page) {
      const problem = checkEntry(at, doc);
      if (problem) return broken(at.seq, problem === 'out_of_place' ? await placeOf(collections, doc) : problem);
      if (head && doc._id === head.seq && doc.hash !== head.hash) return broken(at.seq, 'hash_mismatch');
      at = nextPosition(doc);
    }
    if (page.length < batchSize) break;
  }
  // Entries deleted from the end leave a chain that verifies; the recorded head says how far it reached.
  if (head && head.seq >= at.seq) return broken(at.seq, 'gap');
  return { ok: true, entries: at.seq - 1 };
}

function broken(seq: number, reason: BreakReason): VerifyResult {
  return { ok: false, entries: seq - 1, firstBroken: { seq, reason } };
}

/** An entry whose link points at another real entry (or at the start) was moved; otherwise it was rewritten. */
async function placeOf({ entries }: AuditCollections, doc: AuditDoc): Promise<BreakReason> {
  if (doc.prevHash === GENESIS_HASH) return 'reordered';
  if (typeof doc.prevHash !== 'string') return 'hash_mismatch';
  const predecessor = await entries.findOne({ hash: doc.prevHash }, { projection: { _id: 1 } });
  return predecessor ? 'reordered' : 'hash_mismatch';
}

/** The stored hashes at `seqs`, read a page at a time. */
export async function hashesAt({ entries }: AuditCollections, seqs: readonly number[], batchSize = 1000): Promise<Map<number, string>> {
  const hashes = new Map<number, string>();
  for (let i = 0; i < seqs.length; i += batchSize) {
    const page = await entries.find({ _id: { $in: seqs.slice(i, i + batchSize) } }, { projection: { _id: 1, hash: 1 } }).toArray();
    for (const doc of page) hashes.set(doc._id, doc.hash);
  }
  return hashes;
}
