import { describe, expect, it } from 'vitest';
import {
  bailBreached, breach, courtBail, policeBail, replay, restrainingOrder, restrainingOrderBreached, spoGranted,
} from '../../../../../tests/fixtures/caseEvents.js';
import { orderBreached } from './orders.js';

describe('order breached', () => {
  it('fires once per breached order, resting on the order and each breach', () => {
    const granted = spoGranted('SPO-1', { daysAgo: 30 });
    const first = breach('SPO-1', ['following'], { daysAgo: 10 });
    const second = breach('SPO-1', ['approaching'], { daysAgo: 2 });
    expect(orderBreached(replay([granted, first, second]))).toMatchObject([{
      id: 'order_breached:SPO-1', kind: 'order_breached', severity: 'critical', orderKind: 'spo',
      eventIds: [granted.id, first.id, second.id],
    }]);
  });

  it('names a restraining order breach as such', () => {
    const ro = restrainingOrder('RO-1', { daysAgo: 30 });
    const broken = breach('RO-1', ['approaching'], { daysAgo: 1 });
    const [signal] = orderBreached(replay([ro, broken]));
    expect(signal).toMatchObject({ orderKind: 'restraining_order', eventIds: [ro.id, broken.id] });
    expect(signal!.explanation).toContain('restraining order RO-1');
  });

  it('does not fire on orders that were kept', () => {
    expect(orderBreached(replay([spoGranted(), restrainingOrder()]))).toEqual([]);
  });
});

describe('order breached: bail and restraining orders through their own breach events', () => {
  it('fires on a restraining order breach recorded by the CPS', () => {
    const ro = restrainingOrder('RO-2', { daysAgo: 30 });
    const broken = restrainingOrderBreached('RO-2', ['messages'], { daysAgo: 3 });
    expect(orderBreached(replay([ro, broken]))).toMatchObject([{ orderKind: 'restraining_order', orderRef: 'RO-2', eventIds: [ro.id, broken.id] }]);
  });

  it('fires on police bail and court bail breaches, naming the bail conditions', () => {
    const bail = policeBail('BAIL-1', { daysAgo: 20 });
    const broken = bailBreached('police', 'BAIL-1', ['loitering_home'], { daysAgo: 2 });
    const [signal] = orderBreached(replay([bail, broken]));
    expect(signal).toMatchObject({ orderKind: 'bail', eventIds: [bail.id, broken.id] });
    expect(signal!.explanation).toContain('bail conditions BAIL-1');
    const court = courtBail('CBAIL-1', { daysAgo: 20 });
    const courtBroken = bailBreached('cps', 'CBAIL-1', ['approaching'], { daysAgo: 1 });
    expect(orderBreached(replay([court, courtBroken]))).toMatchObject([{ orderKind: 'bail', eventIds: [court.id, courtBroken.id] }]);
  });

  it('stays silent on bail that was kept', () => {
    expect(orderBreached(replay([policeBail(), courtBail()]))).toEqual([]);
  });
});
