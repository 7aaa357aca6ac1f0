import type { Connection } from 'mongoose';
import { RetriableError } from '../errors/index.js';
import { AuditInput, GENESIS_HASH, entryHash, type AuditEntry } from './entry.js';
import { advanceHead } from './head.js';
import { listEntries, type AuditFilter } from './list.js';
import { auditCollections, isDuplicateKey, toDoc } from './store.js';
import { hashesAt, verifyChain, type VerifyResult } from './verify.js';
import { anchoredSeqs, checkAnchors, type AnchorCheck, type AuditAnchor } from './anchor.js';

export interface AuditLog {
  /** Validate, chain and store one entry; resolves once it is written. */
  append(input: AuditInput): Promise<AuditEntry>;
  verify(options?: { batchSize?: number }): Promise<VerifyResult>;
  list(filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Check the stored chain (verified, `chainLength` entries long) against the anchors published for it. */
  checkAnchors(input: { key: string; chain: string; anchors: readonly AuditAnchor[]; chainLength: number }): Promise<AnchorCheck>;
}

export interface AuditLogOptions {
  now?: () => Date;
  /** How many times an appender that keeps losing the race for the next seq tries again. */
  maxAttempts?: number;
}

/**
 * The append-only, hash-chained audit log in the conference database. No transactions (FerretDB has none):
 * the unique _id is the lock — two appenders can never both take seq n, and the loser re-reads and retries.
 */
export function createAuditLog(db: Connection, options: AuditLogOptions = {}): AuditLog {
  const collections = auditCollections(db);
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 100;

  async function append(input: AuditInput): Promise<AuditEntry> {
    const fields = withoutUndefined(AuditInput.parse(input));
    const at = now().toISOString();
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const last = await collections.entries.find({}, { projection: { _id: 1, hash: 1 } }).sort({ _id: -1 }).limit(1).next();
      const unsealed = { ...fields, seq: (last?._id ?? 0) + 1, at, prevHash: last?.hash ?? GENESIS_HASH };
      const entry: AuditEntry = { ...unsealed, hash: entryHash(unsealed) };
      try {
        await collections.entries.insertOne(toDoc(entry));
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        await pause(attempt); // another appender took this seq; a little jitter spreads the retries out
        continue;
      }
      await advanceHead(collections, entry.seq, entry.hash);
      return entry;
    }
    throw new RetriableError(`audit append lost the race for the next entry ${maxAttempts} times`);
  }

  return {
    append,
    verify: (opts = {}) => verifyChain(collections, opts.batchSize),
    list: (filter) => listEntries(collections, filter),
    async checkAnchors(input) {
      const hashAt = await hashesAt(collections, anchoredSeqs(input.anchors, input.chain));
      return checkAnchors({ ...input, hashAt });
    },
  };
}

/** The driver would store an undefined field as null, which the hash (computed without it) would not match. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 * attempt, 20)));
}
