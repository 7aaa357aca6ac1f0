import { describe, expect, it } from 'vitest';
import { checkEntry, nextPosition } from './chainCheck.js';
import { GENESIS_HASH, entryHash } from './entry.js';
import { toDoc, type AuditDoc } from './store.js';
import type { AuditPurpose } from './entry.js';

function sealed(seq: number, prevHash: string, purpose: AuditPurpose = { kind: 'meeting', ref: '7d1f6a52-5c1e-4f53-9d55-0b1a8c3f2e11' }): AuditDoc {
  const fields = {
    seq, at: '2026-03-02T10:15:00.000Z', actor: { sub: 'chair-1', role: 'chair' as const, agency: 'conference' as const },
    action: 'case.view.read', purpose, outcome: 'allowed' as const, prevHash,
  };
  return toDoc({ ...fields, hash: entryHash(fields) });
}

describe('checkEntry', () => {
  const first = sealed(1, GENESIS_HASH);
  const second = sealed(2, first.hash);

  it('accepts an entry in its place that links to the one before', () => {
    expect(checkEntry({ seq: 1, prevHash: GENESIS_HASH }, first)).toBeUndefined();
    expect(checkEntry(nextPosition(first), second)).toBeUndefined();
  });

  it('calls a missing seq a gap', () => {
    expect(checkEntry({ seq: 1, prevHash: GENESIS_HASH }, second)).toBe('gap');
  });

  it('calls an entry changed in place a hash mismatch', () => {
    expect(checkEntry(nextPosition(first), { ...second, purpose: { kind: 'coordination' } })).toBe('hash_mismatch');
  });

  it('calls a re-hashed entry that no longer links back a prev-hash mismatch', () => {
    expect(checkEntry(nextPosition(first), sealed(2, GENESIS_HASH))).toBe('prev_hash_mismatch');
  });

  it('leaves an entry that neither hashes nor links to the caller to place', () => {
    expect(checkEntry({ seq: 1, prevHash: GENESIS_HASH }, { ...second, _id: 1 })).toBe('out_of_place');
  });

  it('calls a value that has no canonical form a hash mismatch', () => {
    expect(checkEntry(nextPosition(first), { ...second, at: new Date() as unknown as string })).toBe('hash_mismatch');
  });
});
