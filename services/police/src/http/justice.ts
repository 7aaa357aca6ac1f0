import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { commandBase, newRecordRef, RecordedView, recordedView, sharingRule } from '@convene/shared/agency';
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
        const ref = newRecordRef('ARR');
        const recorded = await kit.recorder.record({
          type: 'police.arrest.made.v1', occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
          subjects: await kit.people.subjectsOf(body.subjects), data: { arrestRef: ref, offenceClass: body.offenceClass },
        });
        return recordedView(ref, recorded);
      },
    }),
    defineRoute({
      method: 'post', path: '/bail', operationId: 'setBail', tag: 'justice', permission: 'justice.write',
      summary: 'Record police bail and its conditions', errors: [404],
      body: z.object({ ...commandBase, conditions: z.array(ShareableText).max(20), until: CalendarDate.optional() }).superRefine(sharingRule),
      success: { status: 201, description: 'Bail recorded', schema: RecordedView },
      handler: async ({ body }) => {
        const ref = newRecordRef('BAIL');
        const recorded = await kit.recorder.record({
          type: 'police.bail.set.v1', occurredAt: body.occurredAt, sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
          subjects: await kit.people.subjectsOf(body.subjects), data: { bailRef: ref, conditions: body.conditions, ...(body.until ? { until: body.until } : {}) },
        });
        return recordedView(ref, recorded);
      },
    }),
  ];
}
