import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical.js';
import { GENESIS_HASH, entryHash } from './entry.js';

const entry = {
  seq: 7,
  at: '2026-03-02T10:15:00.000Z',
  actor: { sub: 'chair-1', role: 'chair', agency: 'conference' },
  action: 'chronology.read',
  caseRef: 'CNV-2026-000123',
  meetingId: '7d1f6a52-5c1e-4f53-9d55-0b1a8c3f2e11',
  requestRef: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90',
  purpose: { kind: 'history_request', ref: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90' },
  outcome: 'allowed',
  prevHash: GENESIS_HASH,
};

/** The same object with its keys, at every depth, in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
}

describe('canonicalJson', () => {
  it('is independent of key order at every depth', () => {
    expect(canonicalJson(reversed(entry))).toBe(canonicalJson(entry));
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('keeps array order, and leaves out undefined properties as JSON does', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('refuses values that have no single JSON form', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });

  it('hashes to hex SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('entryHash', () => {
  const base = entryHash(entry);

  it('ignores the stored hash itself and the key order', () => {
    expect(entryHash({ ...entry, hash: base })).toBe(base);
    expect(entryHash(reversed(entry) as Record<string, unknown>)).toBe(base);
  });

  const changes: Array<[string, Record<string, unknown>]> = [
    ['seq', { seq: 8 }],
    ['at', { at: '2026-03-02T10:15:00.001Z' }],
    ['actor.sub', { actor: { ...entry.actor, sub: 'chair-2' } }],
    ['actor.role', { actor: { ...entry.actor, role: 'police' } }],
    ['actor.agency', { actor: { ...entry.actor, agency: 'police' } }],
    ['action', { action: 'chronology.export.csv' }],
    ['caseRef', { caseRef: 'CNV-2026-000124' }],
    ['meetingId', { meetingId: '7d1f6a52-5c1e-4f53-9d55-0b1a8c3f2e12' }],
    ['requestRef', { requestRef: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a91' }],
    ['purpose.kind', { purpose: { ...entry.purpose, kind: 'disclosure_request' } }],
    ['purpose.ref', { purpose: { ...entry.purpose, ref: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a91' } }],
    ['outcome', { outcome: 'denied' }],
    ['prevHash', { prevHash: '1'.padStart(64, '0') }],
    ['an optional field removed', { caseRef: undefined }],
    ['a field added', { name: 'x' }],
  ];
  it.each(changes)('changes when %s changes', (_field, change) => {
    expect(entryHash({ ...entry, ...change })).not.toBe(base);
  });
});
