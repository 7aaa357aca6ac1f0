import { useState } from 'preact/hooks';
import { conference } from '../../api/conference';
import type { CaseResponse, OrderInForce } from '../../api/types';
import { useAsync } from '../../ui/useAsync';
import { day, when } from '../../ui/format';
import { behaviourLabel } from '../../ui/labels';

const kindLabel: Record<OrderInForce['kind'], string> = { spo: 'Stalking Protection Order', restraining_order: 'Restraining order', bail_conditions: 'Bail conditions' };

/** Orders and bail conditions in force on a chosen day (today, or a hearing's), applications pending, and every breach. */
export function Orders({ response }: { response: CaseResponse }) {
  const { orders } = response.view;
  const [on, setOn] = useState(response.ordersOn);
  const asked = useAsync(() => (on === response.ordersOn ? Promise.resolve(response) : conference.caseView(response.view.caseRef, { ordersOn: on })), [on, response]);
  const inForce = (asked.data ?? response).ordersInForce;
  const pending = orders.spos.filter((s) => s.applied && !s.granted);
  const nothing = inForce.length === 0 && pending.length === 0 && orders.breaches.length === 0;
  return (
    <section class="panel orders" aria-labelledby="orders-heading">
      <h2 id="orders-heading">Orders and breaches</h2>
      <label class="orders-on">In force on <input type="date" value={on} onChange={(e) => setOn(e.currentTarget.value || response.ordersOn)} /></label>
      {asked.state === 'error' && <p class="state error" role="alert">Could not read the orders for {day(on)}.</p>}
      {nothing && <p class="state empty">No order applied for, in force on {day(on)} or breached.</p>}
      {inForce.length > 0 && (
        <ul class="plain">
          {inForce.map((o) => (
            <li key={o.orderRef}><strong>{kindLabel[o.kind]}</strong> {o.orderRef} — in force{o.expiresOn ? ` until ${day(o.expiresOn)}` : ''}
              {o.conditions.length > 0 && <ul>{o.conditions.map((c) => <li key={c}>{c}</li>)}</ul>}
            </li>
          ))}
        </ul>
      )}
      {pending.map((s) => <p key={s.orderRef}>SPO {s.orderRef}: {s.applied!.kind} application made {when(s.applied!.at)}, not yet granted.</p>)}
      {orders.breaches.length > 0 && (
        <>
          <h3>Breaches</h3>
          <ul class="plain breaches">
            {orders.breaches.map((b) => <li key={b.eventId}><span class="badge severity-critical">Breach</span> {when(b.at)} — {b.orderRef}: {b.behaviours.map((x) => behaviourLabel[x]).join(', ')}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}
