import { describe, expect, it } from 'vitest';
import { openListingIndex } from './openListingIndex.js';
import type { Listing } from './listings.js';

const victimA = 'lt1.nhs.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const victimB = 'lt1.nhs.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
const suspect = 'lt1.pnc.SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS';
const listing = (ref: string, victim: string, listedAt: string, open = true): Listing =>
  ({ _id: ref, tokens: [victim, suspect], victimTokens: [victim], open, listedAt: new Date(listedAt) });

describe('open listing index', () => {
  const a = listing('CASE-A', victimA, '2026-11-01T09:00:00Z');
  const b = listing('CASE-B', victimB, '2026-11-05T09:00:00Z');

  it('sends a record naming a victim only to that victim\'s case, though the suspect is on both', () => {
    const index = openListingIndex([a, b]);
    expect(index.openFor([{ role: 'victim', tokens: [victimA] }, { role: 'suspect', tokens: [suspect] }])?._id).toBe('CASE-A');
    expect(index.openFor([{ role: 'victim', tokens: [victimB] }, { role: 'suspect', tokens: [suspect] }])?._id).toBe('CASE-B');
  });

  it('sends a record about the suspect alone to the latest case listed with him, and one naming an unlisted victim nowhere', () => {
    const index = openListingIndex([a, b]);
    expect(index.openFor([{ role: 'suspect', tokens: [suspect] }])?._id).toBe('CASE-B');
    expect(index.openFor([{ role: 'victim', tokens: ['lt1.nhs.CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC'] }, { role: 'suspect', tokens: [suspect] }])).toBeUndefined();
  });

  it('forgets a closed listing, and a listing put again replaces its old tokens', () => {
    const index = openListingIndex([a, b]);
    index.remove('CASE-B');
    expect(index.openFor([{ role: 'victim', tokens: [victimB] }])).toBeUndefined();
    expect(index.openFor([{ role: 'suspect', tokens: [suspect] }])?._id).toBe('CASE-A');
    index.put({ ...a, tokens: [victimA], victimTokens: [victimA] });
    expect(index.openFor([{ role: 'suspect', tokens: [suspect] }])).toBeUndefined();
    index.put({ ...a, open: false });
    expect(index.openFor([{ role: 'victim', tokens: [victimA] }])).toBeUndefined();
  });

  it('never decides by a token two people can share (date of birth and postcode)', () => {
    const shared = 'lt1.dp.DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD';
    const index = openListingIndex([{ ...a, tokens: [victimA, shared], victimTokens: [victimA, shared] }]);
    expect(index.openFor([{ role: 'victim', tokens: [shared] }])).toBeUndefined();
  });

  it('takes a listing stored before victim tokens were kept: it streams what names no victim, nothing that names one', () => {
    const old = { _id: 'CASE-OLD', tokens: [victimA, suspect], open: true, listedAt: new Date('2025-01-01T09:00:00Z') } as unknown as Listing;
    const index = openListingIndex([old]);
    expect(index.openFor([{ role: 'victim', tokens: [victimA] }])).toBeUndefined();
    expect(index.openFor([{ role: 'suspect', tokens: [suspect] }])?._id).toBe('CASE-OLD');
    index.remove('CASE-OLD');
    expect(index.openFor([{ role: 'suspect', tokens: [suspect] }])).toBeUndefined();
  });
});
