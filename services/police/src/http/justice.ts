import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { BreachInput, eventFieldsOf, recordBreach, RecordedView, recordNew } from '@convene/shared/agency';
import { ArrestCommand, PoliceBailCommand, RecordRef } from '@convene/shared/contracts';
import type { PoliceDeps } from './deps.js';

/** Arrests, police bail and its breaches. */
export function justiceRoutes({ kit, records }: PoliceDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/arrests', operationId: 'recordArrest', tag: 'justice', permission: 'justice.write',
      summary: 'Record an arrest', errors: [404],
      body: ArrestCommand,
      success: { status: 201, description: 'Arrest recorded', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'ARR', body, (ref) => [{ type: 'police.arrest.made.v1', data: { arrestRef: ref, ...eventFieldsOf(body) } }]);
      },
    }),
    defineRoute({
      method: 'post', path: '/bail', operationId: 'setBail', tag: 'justice', permission: 'justice.write',
      summary: 'Record police bail and its conditions', errors: [404],
      body: PoliceBailCommand,
      success: { status: 201, description: 'Bail recorded', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'BAIL', body, (ref) => [{ type: 'police.bail.set.v1', data: { bailRef: ref, ...eventFieldsOf(body) } }]);
      },
    }),
    defineRoute({
      method: 'post', path: '/bail/:bailRef/breaches', operationId: 'recordBailBreach', tag: 'justice', permission: 'justice.write',
      summary: 'Record a breach of police bail conditions, with the behaviour that broke them', params: z.object({ bailRef: RecordRef }), errors: [404],
      body: BreachInput,
      success: { status: 201, description: 'Breach recorded', schema: RecordedView },
      handler: async ({ params, body }) => {
        const bail = await records.get(params.bailRef, 'bail');
        return recordBreach(kit.recorder, 'police.bail.breached.v1', bail, body, (conduct) => ({ bailRef: bail._id, ...conduct }));
      },
    }),
  ];
}
