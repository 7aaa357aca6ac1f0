import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { BreachInput, eventFieldsOf, RecordedView, recordedView, recordNew } from '@convene/shared/agency';
import { SpoApplicationCommand, SpoConsiderationCommand, SpoGrantCommand, RecordRef } from '@convene/shared/contracts';
import { decideSpo, type SpoCommand } from '../domain/spo.js';
import type { PoliceDeps } from './deps.js';

const OrderParams = z.object({ orderRef: RecordRef });

/** Stalking Protection Orders: considered, applied for, granted (interim or full), breached. */
export function orderRoutes({ kit, records }: PoliceDeps): RouteSpec[] {
  /** Decide against the order as it stands, and record what is decided about the order's own subjects. */
  async function decideAndRecord(order: Awaited<ReturnType<typeof records.get>>, occurredAt: string, command: SpoCommand) {
    const [decided] = decideSpo(command, { orderRef: order._id, status: order.status ?? '', kind: (order.detail as { kind?: string }).kind });
    const recorded = await kit.recorder.record({ ...decided!, occurredAt, sharing: 'partnership', subjects: order.subjects });
    return recordedView(order._id, recorded);
  }

  return [
    defineRoute({
      method: 'post', path: '/spos', operationId: 'applyForSpo', tag: 'orders', permission: 'orders.write',
      summary: 'Record an application for a Stalking Protection Order', errors: [404],
      body: SpoApplicationCommand,
      success: { status: 201, description: 'Application recorded', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'SPO', body, (ref) => decideSpo({ kind: 'apply', orderRef: ref, application: eventFieldsOf(body) }, undefined));
      },
    }),
    defineRoute({
      method: 'post', path: '/spos/:orderRef/grant', operationId: 'grantSpo', tag: 'orders', permission: 'orders.write',
      summary: 'Record the court granting an SPO (interim or full) with its conditions and expiry', params: OrderParams, errors: [404, 409],
      body: SpoGrantCommand,
      success: { status: 201, description: 'Grant recorded', schema: RecordedView },
      handler: async ({ params, body }) => {
        const order = await records.get(params.orderRef, 'spo');
        return decideAndRecord(order, body.occurredAt, { kind: 'grant', order: body.kind, conditions: body.conditions, expiresOn: body.expiresOn });
      },
    }),
    defineRoute({
      method: 'post', path: '/spos/:orderRef/breaches', operationId: 'recordSpoBreach', tag: 'orders', permission: 'orders.write',
      summary: 'Record a breach of a granted SPO', params: OrderParams, errors: [404, 409],
      body: BreachInput,
      success: { status: 201, description: 'Breach recorded', schema: RecordedView },
      handler: async ({ params, body }) => {
        const order = await records.get(params.orderRef, 'spo');
        return decideAndRecord(order, body.occurredAt, { kind: 'breach', breachedAt: body.occurredAt, behaviours: body.behaviours });
      },
    }),
    defineRoute({
      method: 'post', path: '/spo-considerations', operationId: 'recordSpoConsidered', tag: 'orders', permission: 'orders.write',
      summary: 'Record that an SPO was considered: applied for (naming the application if recorded) or not, with the reason', errors: [404],
      body: SpoConsiderationCommand,
      success: { status: 201, description: 'Decision recorded; published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        // An application it names must be one this service holds.
        if (body.orderRef) await records.get(body.orderRef, 'spo');
        return recordNew(kit, 'SPOC', body, (ref) => [{
          type: 'police.spo.considered.v1',
          data: { considerationRef: ref, decision: body.decision, ...(body.orderRef ? { orderRef: body.orderRef } : {}), reason: body.reason },
        }]);
      },
    }),
  ];
}
