import type { CaseResponse } from '../../api/types';
import { day, when } from '../../ui/format';
import { behaviourLabel } from '../../ui/labels';

/** Orders in force, applications pending, and every breach. */
export function Orders({ response }: { response: CaseResponse }) {
  const { orders } = response.view;
  const pending = orders.spos.filter((s) => s.applied && !s.granted);
  const nothing = response.ordersInForce.length === 0 && pending.length === 0 && orders.breaches.length === 0;
  return (
    <section class="panel orders" aria-labelledby="orders-heading">
      <h2 id="orders-heading">Orders and breaches</h2>
      {nothing && <p class="state empty">No order applied for, in force or breached.</p>}
      {response.ordersInForce.length > 0 && (
        <ul class="plain">
          {response.ordersInForce.map((o) => (
            <li key={o.orderRef}><strong>{o.kind === 'spo' ? 'Stalking Protection Order' : 'Restraining order'}</strong> {o.orderRef} — in force{o.expiresOn ? ` until ${day(o.expiresOn)}` : ''}
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
