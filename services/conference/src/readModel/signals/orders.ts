import type { CaseView } from '../caseView.js';
import type { BreachedOrderKind } from '../timeline.js';
import { signalCatalogue } from './catalogue.js';
import type { Signal } from './types.js';

const orderName: Record<BreachedOrderKind, string> = {
  spo: 'stalking protection order', restraining_order: 'restraining order', bail: 'bail conditions',
};

function orderEvents(view: CaseView, kind: BreachedOrderKind, orderRef: string): string[] {
  if (kind === 'spo') return view.orders.spos.find((o) => o.orderRef === orderRef)?.eventIds ?? [];
  if (kind === 'restraining_order') return view.orders.restrainingOrders.find((o) => o.orderRef === orderRef)?.eventIds ?? [];
  return view.orders.bail.find((o) => o.bailRef === orderRef)?.eventIds ?? [];
}

/** One signal per breached order (SPO, restraining order or bail), resting on the order's own events and every breach of it. */
export function orderBreached(view: CaseView): Signal[] {
  const refs = [...new Set(view.orders.breaches.map((b) => b.orderRef))];
  return refs.map((orderRef): Signal => {
    const breaches = view.orders.breaches.filter((b) => b.orderRef === orderRef);
    const orderKind = breaches[0]!.orderKind;
    const times = breaches.length === 1 ? 'once' : `${breaches.length} times`;
    return {
      id: `order_breached:${orderRef}`,
      kind: 'order_breached',
      severity: 'critical',
      title: signalCatalogue.order_breached.title,
      explanation: orderKind === 'bail'
        ? `The bail conditions ${orderRef} have been breached ${times}.`
        : `The ${orderName[orderKind]} ${orderRef} has been breached ${times}.`,
      eventIds: [...new Set([...orderEvents(view, orderKind, orderRef), ...breaches.map((b) => b.eventId)])],
      orderRef,
      orderKind,
    };
  });
}
