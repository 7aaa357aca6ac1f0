import { describe, expect, it } from 'vitest';
import { breach, replay, restrainingOrder, spoGranted } from '../testing/fixtures.js';
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
