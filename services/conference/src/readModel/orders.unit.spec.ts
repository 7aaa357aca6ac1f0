import { describe, expect, it } from 'vitest';
import { ordersInForce, restrainingOrderStatus, spoStatus } from './orders.js';
import { courtBail, NOW, policeBail, replay, restrainingOrder, spoApplied, spoGranted } from '../../../../tests/fixtures/caseEvents.js';

describe('order status at read time', () => {
  it('an SPO is applied until granted, in force to its expiry date, expired after', () => {
    const view = replay([spoApplied('SPO-1'), spoApplied('SPO-2'), spoGranted('SPO-2', { expiresOn: '2026-10-31' }), spoApplied('SPO-3'), spoGranted('SPO-3', { expiresOn: '2026-10-30' })]);
    const [applied, lastDay, expired] = view.orders.spos;
    expect(spoStatus(applied!, NOW)).toBe('applied');
    expect(spoStatus(lastDay!, NOW)).toBe('in_force');
    expect(spoStatus(expired!, NOW)).toBe('expired');
    expect(spoStatus(lastDay!, new Date('2026-11-01T00:00:00Z'))).toBe('expired');
  });

  it('a restraining order without an expiry stays in force', () => {
    const view = replay([restrainingOrder('RO-1'), restrainingOrder('RO-2', { expiresOn: '2026-01-01' })]);
    expect(view.orders.restrainingOrders.map((o) => restrainingOrderStatus(o, NOW))).toEqual(['in_force', 'expired']);
  });

  it('lists the orders in force now', () => {
    const view = replay([spoGranted('SPO-1', { expiresOn: '2027-01-01' }), spoGranted('SPO-2', { expiresOn: '2026-01-01' }), restrainingOrder('RO-1')]);
    expect(ordersInForce(view, NOW).map((o) => [o.kind, o.orderRef])).toEqual([['spo', 'SPO-1'], ['restraining_order', 'RO-1']]);
  });

  it('lists bail conditions standing until their end date (court bail without one stands until further order)', () => {
    const view = replay([policeBail('BAIL-1'), courtBail('CBAIL-1')]);
    expect(ordersInForce(view, NOW).map((o) => [o.kind, o.orderRef, o.expiresOn])).toEqual([['bail_conditions', 'BAIL-1', '2027-01-15'], ['bail_conditions', 'CBAIL-1', null]]);
    expect(ordersInForce(view, new Date('2027-01-16T09:00:00Z')).map((o) => o.orderRef)).toEqual(['CBAIL-1']);
  });

  it('on a chosen day, lists what had been made by then and had not expired: a hearing date before an order sees none of it', () => {
    // Granted 10 days before NOW, expiring in the spring.
    const view = replay([spoGranted('SPO-1', { daysAgo: 10, expiresOn: '2027-03-01' }), restrainingOrder('RO-1', { daysAgo: 3 })]);
    expect(ordersInForce(view, new Date('2026-10-01T12:00:00Z'))).toEqual([]);
    expect(ordersInForce(view, new Date('2026-10-25T12:00:00Z')).map((o) => o.orderRef)).toEqual(['SPO-1']);
    expect(ordersInForce(view, new Date('2027-03-02T12:00:00Z')).map((o) => o.orderRef)).toEqual(['RO-1']);
  });
});
