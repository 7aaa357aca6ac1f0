import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { commandBase, RecordedView, sharingRule, recordNew } from '@convene/shared/agency';
import { CalendarDate, OffenceClass, ShareableText } from '@convene/shared/contracts';
import type { PoliceDeps } from './deps.js';

/** Arrests and police bail. */
export function justiceRoutes({ kit }: PoliceDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/arrests', operationId: 'recordArrest', tag: 'justice', permission: 'justice.write',
      summary: 'Record an arrest', errors: [404],
      body: z.object({ ...commandBase, offenceClass: OffenceClass }).superRefine(sharingRule),
      success: { status: 201, description: 'Arrest recorded', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'police.arrest.made.v1', 'ARR', body, (ref) => ({ arrestRef: ref, offenceClass: body.offenceClass }));
      },
    }),
    defineRoute({
      method: 'post', path: '/bail', operationId: 'setBail', tag: 'justice', permission: 'justice.write',
      summary: 'Record police bail and its conditions', errors: [404],
      body: z.object({ ...commandBase, conditions: z.array(ShareableText).max(20), until: CalendarDate.optional() }).superRefine(sharingRule),
      success: { status: 201, description: 'Bail recorded', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'police.bail.set.v1', 'BAIL', body, (ref) => ({ bailRef: ref, conditions: body.conditions, ...(body.until ? { until: body.until } : {}) }));
      },
    }),
  ];
}
