import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { anchorSignatureHolds, anchoredSeqs, checkAnchors, signAnchor, type AuditAnchor } from './anchor.js';
import { createAnchorer } from './anchorer.js';
import { sha256Hex } from './canonical.js';

const KEY = 'k'.repeat(32);
const CHAIN = 'convene_conference';
const AT = '2026-03-02T10:15:00.000Z';
const hashOf = (seq: number, version = 'a') => sha256Hex(`${version}${seq}`);
/** The stored chain: seq → hash, 1..length. */
const stored = (length: number, version = 'a') => new Map(Array.from({ length }, (_, i) => [i + 1, hashOf(i + 1, version)] as const));
const anchor = (seq: number, version = 'a', key = KEY, chain = CHAIN) => signAnchor(key, { chain, seq, hash: hashOf(seq, version), at: AT });

function check(anchors: AuditAnchor[], chainLength: number, hashAt = stored(chainLength)) {
  return checkAnchors({ key: KEY, chain: CHAIN, anchors, chainLength, hashAt });
}

describe('anchor signatures', () => {
  it('hold for the key that signed, and for nothing changed', () => {
    const a = anchor(5);
    expect(anchorSignatureHolds(KEY, a)).toBe(true);
    expect(anchorSignatureHolds('x'.repeat(32), a)).toBe(false);
    expect(anchorSignatureHolds(KEY, { ...a, seq: 6 })).toBe(false);
    expect(anchorSignatureHolds(KEY, { ...a, hash: hashOf(5, 'b') })).toBe(false);
    expect(anchorSignatureHolds(KEY, { ...a, chain: 'convene_police' })).toBe(false);
    expect(anchorSignatureHolds(KEY, { ...a, at: '2026-03-02T10:15:00.001Z' })).toBe(false);
  });
});

describe('checkAnchors', () => {
  it('passes a chain whose anchored entries are as anchored, and counts the tail not yet anchored', () => {
    expect(check([anchor(10), anchor(3), anchor(10)], 12)).toEqual({ ok: true, anchors: 3, anchoredSeq: 10, unanchored: 2 });
  });

  it('passes an empty chain with no anchors', () => {
    expect(check([], 0)).toEqual({ ok: true, anchors: 0, anchoredSeq: 0, unanchored: 0 });
  });

  it('names the first anchored seq whose entry differs when the chain was rewritten and re-hashed from #4', () => {
    const rewritten = new Map([...stored(12)].map(([seq, hash]) => [seq, seq >= 4 ? hashOf(seq, 'b') : hash]));
    expect(check([anchor(2), anchor(6), anchor(9)], 12, rewritten)).toMatchObject({ ok: false, seq: 6, reason: 'anchor_mismatch', lastGood: 2 });
  });

  it('fails a wholesale rewrite even when every hash links up (nothing matches any anchor)', () => {
    expect(check([anchor(5), anchor(12)], 12, stored(12, 'b'))).toMatchObject({ ok: false, seq: 5, reason: 'anchor_mismatch', lastGood: 0 });
  });

  it('calls an anchored seq past the end of the chain truncation, at the first missing entry', () => {
    expect(check([anchor(5), anchor(12)], 8)).toMatchObject({ ok: false, seq: 9, reason: 'truncated', lastGood: 5 });
  });

  it('refuses an anchor not signed with the key', () => {
    expect(check([anchor(5), anchor(8, 'a', 'x'.repeat(32))], 12)).toMatchObject({ ok: false, seq: 8, reason: 'forged_anchor', lastGood: 5 });
  });

  it('fails a non-empty chain that nothing anchors', () => {
    expect(check([], 3)).toEqual({ ok: false, seq: 1, reason: 'unanchored', lastGood: 0 });
  });

  it('ignores other chains\' anchors', () => {
    const other = anchor(50, 'z', KEY, 'convene_police');
    expect(check([other, anchor(4)], 4)).toEqual({ ok: true, anchors: 1, anchoredSeq: 4, unanchored: 0 });
    expect(anchoredSeqs([other, anchor(4), anchor(2), anchor(4)], CHAIN)).toEqual([2, 4]);
  });
});

describe('createAnchorer', () => {
  const logger = createLogger('test', { level: 'silent' });

  it('anchors only the newest noted entry, once per batch, and what is left at stop', async () => {
    const sent: AuditAnchor[] = [];
    const anchorer = createAnchorer({ chain: CHAIN, key: KEY, logger, maxPending: 3, everyMs: 60_000, send: async (a) => void sent.push(a) });
    anchorer.note({ seq: 1, hash: hashOf(1) });
    anchorer.note({ seq: 2, hash: hashOf(2) });
    expect(sent).toEqual([]);
    anchorer.note({ seq: 3, hash: hashOf(3) }); // the third pending entry sends a batch
    await anchorer.flush();
    expect(sent.map((a) => a.seq)).toEqual([3]);
    anchorer.note({ seq: 2, hash: hashOf(2) }); // older than what is anchored: nothing to do
    await anchorer.flush();
    anchorer.note({ seq: 4, hash: hashOf(4) });
    await anchorer.stop();
    expect(sent.map((a) => a.seq)).toEqual([3, 4]);
    expect(sent.every((a) => anchorSignatureHolds(KEY, a) && a.hash === hashOf(a.seq))).toBe(true);
  });

  it('keeps an anchor it could not send and sends it at the next flush', async () => {
    const sent: AuditAnchor[] = [];
    let up = false;
    const anchorer = createAnchorer({
      chain: CHAIN, key: KEY, logger, everyMs: 60_000,
      send: async (a) => {
        if (!up) throw new Error('broker down');
        sent.push(a);
      },
    });
    anchorer.note({ seq: 7, hash: hashOf(7) });
    await anchorer.flush();
    expect(sent).toEqual([]);
    up = true;
    await anchorer.flush();
    expect(sent.map((a) => a.seq)).toEqual([7]);
  });
});
