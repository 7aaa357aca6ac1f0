import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { BreachInput, eventFieldsOf, recordBreach, RecordedView, recordNew } from '@convene/shared/agency';
import { CourtBailCommand, RestrainingOrderCommand, RecordRef } from '@convene/shared/contracts';
import type { CpsDeps } from './deps.js';
import { detailOf, recordBase, RecordBaseView } from './views.js';

const RestrainingOrderView = RecordBaseView.extend({ onConviction: z.boolean(), conditions: z.array(z.string()), expiresOn: z.string().optional() });
const BailView = RecordBaseView.extend({ conditions: z.array(z.string()), until: z.string().optional() });

/** Restraining orders and court bail conditions: what the suspect must and must not do, and breaches of them. */
export function orderRoutes({ kit, records }: CpsDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/restraining-orders', operationId: 'recordRestrainingOrder', tag: 'orders', permission: 'orders.write',
      summary: 'Record a restraining order made on conviction or acquittal, with its conditions and expiry', errors: [404],
      body: RestrainingOrderCommand,
      success: { status: 201, description: 'Recorded; published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'RO', body, (ref) => [{ type: 'cps.restraining_order.made.v1', data: { orderRef: ref, ...eventFieldsOf(body) } }]);
      },
    }),
    defineRoute({
      method: 'get', path: '/restraining-orders/:orderRef', operationId: 'getRestrainingOrder', tag: 'orders', permission: 'records.read',
      summary: 'One restraining order', params: z.object({ orderRef: RecordRef }), errors: [404],
      success: { status: 200, description: 'The restraining order', schema: RestrainingOrderView },
      handler: async ({ params }) => {
        const record = await records.get(params.orderRef, 'restraining_order');
        return { ...recordBase(record), ...detailOf<Omit<z.infer<typeof RestrainingOrderView>, keyof z.infer<typeof RecordBaseView>>>(record, 'orderRef') };
      },
    }),
    defineRoute({
      method: 'post', path: '/bail-conditions', operationId: 'setBailConditions', tag: 'orders', permission: 'bail.write',
      summary: 'Record court bail conditions and until when they apply', errors: [404],
      body: CourtBailCommand,
      success: { status: 201, description: 'Recorded; published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'BAIL', body, (ref) => [{ type: 'cps.bail.conditions.set.v1', data: { bailRef: ref, ...eventFieldsOf(body) } }]);
      },
    }),
    defineRoute({
      method: 'get', path: '/bail-conditions/:bailRef', operationId: 'getBailConditions', tag: 'orders', permission: 'records.read',
      summary: 'One set of bail conditions', params: z.object({ bailRef: RecordRef }), errors: [404],
      success: { status: 200, description: 'The bail conditions', schema: BailView },
      handler: async ({ params }) => {
        const record = await records.get(params.bailRef, 'bail');
        return { ...recordBase(record), ...detailOf<Omit<z.infer<typeof BailView>, keyof z.infer<typeof RecordBaseView>>>(record, 'bailRef') };
      },
    }),
    defineRoute({
      method: 'post', path: '/restraining-orders/:orderRef/breaches', operationId: 'recordRestrainingOrderBreach', tag: 'orders', permission: 'orders.write',
      summary: 'Record a breach of a restraining order, with the behaviour that broke it', params: z.object({ orderRef: RecordRef }), errors: [404],
      body: BreachInput,
      success: { status: 201, description: 'Breach recorded', schema: RecordedView },
      handler: async ({ params, body }) => {
        const order = await records.get(params.orderRef, 'restraining_order');
        return recordBreach(kit.recorder, 'cps.restraining_order.breached.v1', order, body, (conduct) => ({ orderRef: order._id, ...conduct }));
      },
    }),
    defineRoute({
      method: 'post', path: '/bail-conditions/:bailRef/breaches', operationId: 'recordBailConditionsBreach', tag: 'orders', permission: 'bail.write',
      summary: 'Record a breach of court bail conditions, with the behaviour that broke them', params: z.object({ bailRef: RecordRef }), errors: [404],
      body: BreachInput,
      success: { status: 201, description: 'Breach recorded', schema: RecordedView },
      handler: async ({ params, body }) => {
        const bail = await records.get(params.bailRef, 'bail');
        return recordBreach(kit.recorder, 'cps.bail.breached.v1', bail, body, (conduct) => ({ bailRef: bail._id, ...conduct }));
      },
    }),
  ];
}
