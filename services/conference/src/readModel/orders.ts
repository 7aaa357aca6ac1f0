import type { OrderInForce } from '@convene/shared/contracts';
import type { BailConditions, CaseView, RestrainingOrder, Spo } from './caseView.js';

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

/** Bail conditions without an end date stand until charge, trial or further order. */
export function bailStatus(bail: BailConditions, now: Date): Exclude<OrderStatus, 'applied'> {
  return bail.until === null || bail.until >= today(now) ? 'in_force' : 'expired';
}

/** Made by the end of that day: a hearing's date sees what had been made by then, not what came after. */
const madeBy = (at: string, day: Date) => at.slice(0, 10) <= today(day);

/**
 * The orders and bail conditions standing on a day (today, or the date of a hearing a lawyer prepares for):
 * made by then and not yet expired.
 */
export function ordersInForce(view: CaseView, on: Date): OrderInForce[] {
  const spos = view.orders.spos.flatMap((spo): OrderInForce[] =>
    spo.granted && madeBy(spo.granted.at, on) && spoStatus(spo, on) === 'in_force'
      ? [{ orderRef: spo.orderRef, kind: 'spo', expiresOn: spo.granted.expiresOn, conditions: spo.granted.conditions }]
      : []);
  const restraining = view.orders.restrainingOrders
    .filter((o) => madeBy(o.at, on) && restrainingOrderStatus(o, on) === 'in_force')
    .map((o): OrderInForce => ({ orderRef: o.orderRef, kind: 'restraining_order', expiresOn: o.expiresOn, conditions: o.conditions }));
  const bail = view.orders.bail
    .filter((b) => madeBy(b.at, on) && bailStatus(b, on) === 'in_force')
    .map((b): OrderInForce => ({ orderRef: b.bailRef, kind: 'bail_conditions', expiresOn: b.until, conditions: b.conditions }));
  return [...spos, ...restraining, ...bail];
}
