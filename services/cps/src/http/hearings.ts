import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { eventFieldsOf, RecordedView, recordNew } from '@convene/shared/agency';
import { HearingCommand, CpsHearingScheduled, RecordRef } from '@convene/shared/contracts';
import type { CpsDeps } from './deps.js';
import { detailOf, recordBase, RecordBaseView } from './views.js';

const HearingType = CpsHearingScheduled.shape.data.shape.hearingType;
const Court = CpsHearingScheduled.shape.data.shape.court;

const HearingView = RecordBaseView.extend({ urn: z.string().optional(), court: z.string(), hearingAt: z.string(), hearingType: HearingType });

/** Court hearings the CPS has listed. */
export function hearingRoutes({ kit, records }: CpsDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'post', path: '/hearings', operationId: 'scheduleHearing', tag: 'court', permission: 'court.write',
      summary: 'Record a court hearing being scheduled', errors: [404],
      body: HearingCommand,
      success: { status: 201, description: 'Recorded; published if a subject is on an open listing', schema: RecordedView },
      handler: async ({ body }) => {
        return recordNew(kit, 'HRG', body, (ref) => [{ type: 'cps.hearing.scheduled.v1', data: { hearingRef: ref, ...eventFieldsOf(body) } }]);
      },
    }),
    defineRoute({
      method: 'get', path: '/hearings/:hearingRef', operationId: 'getHearing', tag: 'court', permission: 'records.read',
      summary: 'One scheduled hearing', params: z.object({ hearingRef: RecordRef }), errors: [404],
      success: { status: 200, description: 'The hearing', schema: HearingView },
      handler: async ({ params }) => {
        const record = await records.get(params.hearingRef, 'hearing');
        return { ...recordBase(record), ...detailOf<Omit<z.infer<typeof HearingView>, keyof z.infer<typeof RecordBaseView>>>(record, 'hearingRef') };
      },
    }),
  ];
}
