// The generic store of the agencies' read models on the real database: events applied at once to one record
// (the write-behind's lanes beside the projection repair) all end up in it, each once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@convene/shared/contracts';
import { createPoliceRecords, type PoliceRecords } from '../../services/police/src/db/records.js';
import { freshDatabase } from '../support/infra.js';

const subjects = [{ role: 'victim' as const, tokens: ['lt1.nhs.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB'] }];
const at = '2026-11-02T09:00:00.000Z';

describe('record store', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let records: PoliceRecords;

  beforeAll(async () => {
    database = await freshDatabase({ monitorCommands: true });
    records = createPoliceRecords(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('folds concurrent events into one record without losing any, and a repeated event once', async () => {
    const granted = createEvent('police.spo.granted.v1', { occurredAt: at, sharing: 'partnership', subjects, data: { orderRef: 'SPO-77', kind: 'full', conditions: ['No contact'], expiresOn: '2028-01-01' } });
    await records.project(granted);
    const breaches = Array.from({ length: 8 }, (_, i) => createEvent('police.spo.breached.v1', {
      occurredAt: at, sharing: 'partnership', subjects, data: { orderRef: 'SPO-77', breachedAt: new Date(Date.parse(at) + i * 60_000).toISOString(), behaviours: ['following'] },
    }));
    await Promise.all([...breaches, ...breaches].map((b) => records.project(b)));
    const order = await records.get('SPO-77', 'spo');
    expect(order.breaches?.map((b) => b.eventId).sort()).toEqual(breaches.map((b) => b.id).sort());
    expect(order.eventIds).toHaveLength(9);
    expect(order).toMatchObject({ status: 'granted', detail: { conditions: ['No contact'] } });
  });

  it('creates records asked for at once in one write, and a record created twice at once holds both events once', async () => {
    const incident = (ref: string) => createEvent('police.incident.recorded.v1', {
      occurredAt: at, sharing: 'partnership', subjects, data: { incidentRef: ref, offenceClass: 'pha_s2', behaviours: ['messages'], summary: 'Messages at night' },
    });
    const fresh = Array.from({ length: 12 }, (_, i) => incident(`INC-20261102-BATCH${String(i).padStart(2, '0')}`));
    const twice = [incident('INC-20261102-TWICE0'), incident('INC-20261102-TWICE0')];
    const inserts: number[] = [];
    const client = database.db.getClient();
    const watch = (e: { commandName: string; command: { documents?: unknown[] } }) => {
      if (e.commandName === 'insert') inserts.push(e.command.documents?.length ?? 0);
    };
    client.on('commandStarted', watch);
    try {
      await Promise.all([...fresh, ...twice].map((e) => records.project(e)));
    } finally {
      client.off('commandStarted', watch);
    }
    expect(Math.max(...inserts)).toBeGreaterThan(1);
    for (const e of fresh) expect((await records.get(e.data.incidentRef, 'incident')).eventIds).toEqual([e.id]);
    expect((await records.get('INC-20261102-TWICE0', 'incident')).eventIds.sort()).toEqual(twice.map((e) => e.id).sort());
  });
});
