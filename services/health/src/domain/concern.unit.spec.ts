import { describe, expect, it } from 'vitest';
import { decideConcern, type ConcernState } from './concern.js';

// Given the concern as it stands, when health staff change it, then this event (or this refusal).
const open: ConcernState = { concernRef: 'CON-1', status: 'open', category: 'perpetrator_fixation', severity: 'medium' };
const resolved: ConcernState = { ...open, status: 'resolved', resolution: 'transferred' };

describe('the concern decider', () => {
  it('records only what an update changes, and refuses one that changes nothing', () => {
    expect(decideConcern({ kind: 'update', category: 'perpetrator_fixation', severity: 'high' }, open)).toEqual([{ type: 'health.concern.updated.v1', data: { concernRef: 'CON-1', severity: 'high' } }]);
    expect(() => decideConcern({ kind: 'update', category: 'perpetrator_fixation', severity: 'medium' }, open)).toThrow(expect.objectContaining({ code: 'no_change', status: 409 }));
    expect(() => decideConcern({ kind: 'update' }, open)).toThrow(expect.objectContaining({ code: 'no_change' }));
  });

  it('resolves an open concern, and takes nothing more once resolved', () => {
    expect(decideConcern({ kind: 'resolve', resolution: 'no_longer_a_concern' }, open)).toEqual([{ type: 'health.concern.resolved.v1', data: { concernRef: 'CON-1', resolution: 'no_longer_a_concern' } }]);
    expect(() => decideConcern({ kind: 'resolve', resolution: 'transferred' }, resolved)).toThrow(expect.objectContaining({ code: 'concern_resolved', status: 409 }));
    expect(() => decideConcern({ kind: 'update', severity: 'high' }, resolved)).toThrow(expect.objectContaining({ code: 'concern_resolved' }));
  });
});
