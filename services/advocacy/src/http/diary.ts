import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { newRecordRef, recordedView } from '@convene/shared/agency';
import { Behaviour, DiaryEntryCommand, RecordRef } from '@convene/shared/contracts';
import { ConsentedView, sharingWithConsent } from './consented.js';
import type { AdvocacyDeps } from './deps.js';

const DiaryView = z.object({
  entryRef: z.string(), occurredAt: z.string(), happenedAt: z.string(), behaviours: z.array(Behaviour), place: z.string(), account: z.string(), eventIds: z.array(z.string()),
});

/** The victim's own record of incidents, kept by their advocate. */
export function diaryRoutes(deps: AdvocacyDeps): RouteSpec[] {
  const { kit, records } = deps;
  return [
    defineRoute({
      method: 'post', path: '/diary-entries', operationId: 'recordDiaryEntry', tag: 'diary', permission: 'diary.write',
      summary: 'Record an incident in the victim\'s diary, in their words', body: DiaryEntryCommand, errors: [404],
      success: { status: 201, description: 'Recorded; published if the victim is listed and consents', schema: ConsentedView },
      handler: async ({ body }) => {
        const ref = newRecordRef('DIARY');
        const subjects = await kit.people.subjectsOf(body.subjects);
        const data = { entryRef: ref, behaviours: body.behaviours, happenedAt: body.happenedAt, place: body.place, account: body.account };
        const sharing = await sharingWithConsent(deps, { type: 'advocacy.diary.entry.v1', subjects, data }, body);
        const recorded = await kit.recorder.record({ type: 'advocacy.diary.entry.v1', occurredAt: body.happenedAt, subjects, data, ...sharing });
        return { ...recordedView(ref, recorded), ...sharing };
      },
    }),
    defineRoute({
      method: 'get', path: '/diary-entries/:entryRef', operationId: 'getDiaryEntry', tag: 'diary', permission: 'diary.read',
      summary: 'One diary entry', params: z.object({ entryRef: RecordRef }), errors: [404],
      success: { status: 200, description: 'The diary entry', schema: DiaryView },
      handler: async ({ params }) => {
        const record = await records.get(params.entryRef, 'diary_entry');
        const d = record.detail as { behaviours: z.infer<typeof Behaviour>[]; happenedAt: string; place: string; account: string };
        return { entryRef: record._id, occurredAt: record.occurredAt.toISOString(), happenedAt: d.happenedAt, behaviours: d.behaviours, place: d.place, account: d.account, eventIds: record.eventIds };
      },
    }),
  ];
}
