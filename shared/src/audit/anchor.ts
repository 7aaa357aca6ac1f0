import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Timestamp } from '../contracts/index.js';
import { canonicalJson } from './canonical.js';
import { Hex256 } from './entry.js';

/**
 * An anchor is a chain's head (seq and hash) as the service that wrote it saw it, signed with a key the
 * database never holds and published to a Kafka topic the database cannot rewrite. Someone who rewrites the
 * whole chain in the database, every hash recomputed, still cannot make it match a head anchored before.
 */

/** The chain an anchor belongs to: the name of the database it is stored in. */
export const ChainName = z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, 'expected a database name');

export const AuditAnchor = z.strictObject({
  chain: ChainName,
  seq: z.int().positive(),
  hash: Hex256,
  /** When it was anchored. */
  at: Timestamp,
  /** HMAC-SHA256 (hex) over the canonical JSON of every other field. */
  sig: Hex256,
});
export type AuditAnchor = z.infer<typeof AuditAnchor>;
export type UnsignedAnchor = Omit<AuditAnchor, 'sig'>;

/** At least 32 characters, like the other secrets; the same key signs (services) and checks (audit:verify). */
export const AnchorKey = z.string().min(32, 'must be at least 32 characters');

function signatureOf(key: string, anchor: UnsignedAnchor): string {
  const { chain, seq, hash, at } = anchor;
  return createHmac('sha256', key).update(canonicalJson({ chain, seq, hash, at }), 'utf8').digest('hex');
}

export function signAnchor(key: string, anchor: UnsignedAnchor): AuditAnchor {
  const { chain, seq, hash, at } = anchor;
  return { chain, seq, hash, at, sig: signatureOf(key, anchor) };
}

export function anchorSignatureHolds(key: string, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(signatureOf(key, anchor), 'hex');
  const given = Buffer.from(anchor.sig, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type AnchorBreak =
  /** The entry at an anchored seq is not the one that was anchored: the chain up to it was rewritten. */
  | 'anchor_mismatch'
  /** An anchored seq is past the end of the chain: entries (and the recorded head) were deleted. */
  | 'truncated'
  /** Entries exist but nothing anchors them: the whole chain could have been written by anyone. */
  | 'unanchored'
  /** An anchor on the topic is not signed with the anchor key: someone else published it. */
  | 'forged_anchor';

export type AnchorCheck =
  /** `anchoredSeq`: the newest anchored entry, which matches; `unanchored`: entries after it, not yet anchored. */
  | { ok: true; anchors: number; anchoredSeq: number; unanchored: number }
  /** `seq`: the first entry that is not as anchored; `lastGood`: the newest anchored seq before it that matches (0: none). */
  | { ok: false; seq: number; reason: AnchorBreak; lastGood: number; anchor?: AuditAnchor };

/** The seqs whose stored hashes `checkAnchors` needs. */
export function anchoredSeqs(anchors: readonly AuditAnchor[], chain: string): number[] {
  return [...new Set(anchors.filter((a) => a.chain === chain).map((a) => a.seq))].sort((a, b) => a - b);
}

/**
 * Check a chain that already verifies link by link against the anchors published for it. Pure: the caller
 * reads the anchors from Kafka and the hashes at the anchored seqs from the database. Because every entry
 * links to the one before, a matching anchor at seq n vouches for entries 1..n; the first anchor that does
 * not match names where the rewritten part ends at the latest.
 */
export function checkAnchors(input: {
  key: string;
  chain: string;
  anchors: readonly AuditAnchor[];
  /** Entries in the chain as stored (1..chainLength). */
  chainLength: number;
  /** The stored hash of each anchored seq that exists. */
  hashAt: ReadonlyMap<number, string>;
}): AnchorCheck {
  const mine = input.anchors.filter((a) => a.chain === input.chain).sort((a, b) => a.seq - b.seq);
  let lastGood = 0;
  for (const anchor of mine) {
    if (!anchorSignatureHolds(input.key, anchor)) return { ok: false, seq: anchor.seq, reason: 'forged_anchor', lastGood, anchor };
    if (anchor.seq > input.chainLength) return { ok: false, seq: input.chainLength + 1, reason: 'truncated', lastGood, anchor };
    if (input.hashAt.get(anchor.seq) !== anchor.hash) return { ok: false, seq: anchor.seq, reason: 'anchor_mismatch', lastGood, anchor };
    lastGood = anchor.seq;
  }
  if (mine.length === 0 && input.chainLength > 0) return { ok: false, seq: 1, reason: 'unanchored', lastGood: 0 };
  return { ok: true, anchors: mine.length, anchoredSeq: lastGood, unanchored: input.chainLength - lastGood };
}
