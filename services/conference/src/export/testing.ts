import type { ChronologyEntry } from '../db/chronologies.js';
import type { CheckRecord } from './report.js';

/** A history check and its entries as the store returns them, for the export tests. */
export function sampleCheck(overrides: Partial<CheckRecord> = {}): CheckRecord {
  const requestRef = '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
  return {
    _id: requestRef, requestRef, requestedBy: { userId: 'cps-lawyer-7', displayName: 'Alex Morgan' }, lawfulBasis: 'charging_decision',
    urn: '42AB1234526', state: 'open', caseRef: null, tokens: ['lt1.x'], openedAt: '2026-03-01T09:00:00.000Z', expiresAt: '2026-03-29T09:00:00.000Z',
    answeredBy: ['police'], withheld: [{ agency: 'police', recordKind: 'intelligence', reason: 'live_investigation', count: 2 }],
    ...overrides,
  };
}

export function sampleEntry(n: number, overrides: Partial<ChronologyEntry> = {}): ChronologyEntry {
  return {
    _id: `r:${n}`, requestRef: 'r', eventId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, agency: 'police', type: 'police.incident.recorded.v1',
    occurredAt: `2026-02-${String(10 + (n % 18)).padStart(2, '0')}T10:00:00.000Z`, summary: `Incident ${n}: messages`, sharing: 'partnership',
    ...overrides,
  };
}
