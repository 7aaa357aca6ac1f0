import { describe, expect, it } from 'vitest';
import { decideReclassification } from './incident.js';

describe('reclassifying an incident', () => {
  it('records the change from what it is, with the reason, and refuses the same class again', () => {
    const incident = { incidentRef: 'INC-1', offenceClass: 'pha_s2' as const };
    expect(decideReclassification({ to: 'pha_s2a', reason: 'Fixated, obsessive, unwanted, repeated' }, incident)).toEqual([
      { type: 'police.classification.changed.v1', data: { crimeRef: 'INC-1', from: 'pha_s2', to: 'pha_s2a', reason: 'Fixated, obsessive, unwanted, repeated' } },
    ]);
    expect(() => decideReclassification({ to: 'pha_s2', reason: 'x' }, incident)).toThrow(expect.objectContaining({ code: 'same_classification', status: 409 }));
  });
});
