import { describe, expect, it } from 'vitest';
import { decideSpo, type SpoCommand, type SpoState } from './spo.js';

// Given the order as it stands, when the court or the officer reports, then this event (or this refusal).
const applied: SpoState = { orderRef: 'SPO-1', status: 'applied', kind: 'interim' };
const interim: SpoState = { ...applied, status: 'granted', kind: 'interim' };
const full: SpoState = { ...applied, status: 'granted', kind: 'full' };
const grant = (order: 'interim' | 'full'): SpoCommand => ({ kind: 'grant', order, conditions: ['No contact with the victim'], expiresOn: '2027-06-01' });
const breach: SpoCommand = { kind: 'breach', breachedAt: '2026-12-01T10:00:00Z', behaviours: ['approaching'] };

describe('the SPO decider', () => {
  it('records an application once, and decides nothing else about an order not applied for', () => {
    const apply: SpoCommand = { kind: 'apply', orderRef: 'SPO-1', application: { kind: 'interim' } };
    expect(decideSpo(apply, undefined)).toEqual([{ type: 'police.spo.applied.v1', data: { orderRef: 'SPO-1', kind: 'interim' } }]);
    expect(() => decideSpo(apply, applied)).toThrow(expect.objectContaining({ code: 'order_exists', status: 409 }));
    expect(() => decideSpo(grant('interim'), undefined)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => decideSpo(breach, undefined)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('grants an applied order, interim then full, and never again once full', () => {
    expect(decideSpo(grant('interim'), applied)).toEqual([{ type: 'police.spo.granted.v1', data: { orderRef: 'SPO-1', kind: 'interim', conditions: ['No contact with the victim'], expiresOn: '2027-06-01' } }]);
    expect(decideSpo(grant('full'), interim)).toMatchObject([{ type: 'police.spo.granted.v1', data: { kind: 'full' } }]);
    expect(() => decideSpo(grant('full'), full)).toThrow(expect.objectContaining({ code: 'order_already_full', status: 409 }));
  });

  it('records a breach of a granted order only', () => {
    expect(decideSpo(breach, interim)).toEqual([{ type: 'police.spo.breached.v1', data: { orderRef: 'SPO-1', breachedAt: '2026-12-01T10:00:00Z', behaviours: ['approaching'] } }]);
    expect(() => decideSpo(breach, applied)).toThrow(expect.objectContaining({ code: 'order_not_granted', status: 409 }));
  });
});
