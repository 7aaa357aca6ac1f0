import { describe, expect, it } from 'vitest';
import { ordersInForce, restrainingOrderStatus, spoStatus } from './orders.js';
import { NOW, replay, restrainingOrder, spoApplied, spoGranted } from '../../../../tests/fixtures/caseEvents.js';

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
});
