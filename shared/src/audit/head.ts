import type { AuditCollections, AuditHeadDoc } from './store.js';
import { isDuplicateKey } from './store.js';

/**
 * Move the recorded head forward to `seq` (never back). Without it, deleting the newest entries would
 * leave a shorter chain that still verifies. It may lag after a crash between the two writes; that is
 * harmless, because verify only objects when the head is ahead of, or disagrees with, the chain.
 */
export async function advanceHead({ head }: AuditCollections, seq: number, hash: string): Promise<void> {
  const filter = { _id: 'head' as const, seq: { $lt: seq } };
  const update = { $set: { seq, hash } };
  try {
    await head.updateOne(filter, update, { upsert: true });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // The head exists (created meanwhile, or already past us): move it only if it is still behind.
    await head.updateOne(filter, update);
  }
}

export async function readHead({ head }: AuditCollections): Promise<AuditHeadDoc | null> {
  return head.findOne({ _id: 'head' });
}
