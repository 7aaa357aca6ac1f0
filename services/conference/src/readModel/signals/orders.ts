import type { CaseView } from '../caseView.js';
import type { Signal } from './types.js';

/** One signal per breached order, resting on the order's own events and every breach of it. */
export function orderBreached(view: CaseView): Signal[] {
  const refs = [...new Set(view.orders.breaches.map((b) => b.orderRef))];
  return refs.map((orderRef): Signal => {
    const breaches = view.orders.breaches.filter((b) => b.orderRef === orderRef);
    const orderKind = breaches[0]!.orderKind;
    const order = orderKind === 'spo'
      ? view.orders.spos.find((o) => o.orderRef === orderRef)
      : view.orders.restrainingOrders.find((o) => o.orderRef === orderRef);
    const name = orderKind === 'spo' ? 'stalking protection order' : 'restraining order';
    return {
      id: `order_breached:${orderRef}`,
      kind: 'order_breached',
      severity: 'critical',
      title: 'Order breached',
      explanation: `The ${name} ${orderRef} has been breached ${breaches.length === 1 ? 'once' : `${breaches.length} times`}.`,
      eventIds: [...new Set([...(order?.eventIds ?? []), ...breaches.map((b) => b.eventId)])],
      orderRef,
      orderKind,
    };
  });
}
