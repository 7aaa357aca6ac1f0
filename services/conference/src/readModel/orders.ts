import type { OrderInForce } from '@convene/shared/contracts';
import type { CaseView, RestrainingOrder, Spo } from './caseView.js';

export type { OrderInForce };

export type OrderStatus = 'applied' | 'in_force' | 'expired';

/** The calendar day of `now` in UTC; order expiry dates are calendar dates. */
function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whether an order stands depends on when it is read, so it is never stored in the view. An order is
 * taken to be in force up to and including its expiry date.
 */
export function spoStatus(spo: Spo, now: Date): OrderStatus {
  if (!spo.granted) return 'applied';
  return spo.granted.expiresOn >= today(now) ? 'in_force' : 'expired';
}

/** A restraining order without an expiry date lasts until further order. */
export function restrainingOrderStatus(order: RestrainingOrder, now: Date): Exclude<OrderStatus, 'applied'> {
  return order.expiresOn === null || order.expiresOn >= today(now) ? 'in_force' : 'expired';
}

export function ordersInForce(view: CaseView, now: Date): OrderInForce[] {
  const spos = view.orders.spos.flatMap((spo): OrderInForce[] =>
    spo.granted && spoStatus(spo, now) === 'in_force'
      ? [{ orderRef: spo.orderRef, kind: 'spo', expiresOn: spo.granted.expiresOn, conditions: spo.granted.conditions }]
      : []);
  const restraining = view.orders.restrainingOrders
    .filter((o) => restrainingOrderStatus(o, now) === 'in_force')
    .map((o): OrderInForce => ({ orderRef: o.orderRef, kind: 'restraining_order', expiresOn: o.expiresOn, conditions: o.conditions }));
  return [...spos, ...restraining];
}
