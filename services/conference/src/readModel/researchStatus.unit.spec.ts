import { describe, expect, it } from 'vitest';
import { CASE, OTHER_CASE, ago, make, replay } from '../../../../tests/fixtures/caseEvents.js';
import { researchStatus } from './researchStatus.js';

const answer = (agency: 'police' | 'health', caseRef: string, daysAgo: number, part = 1, total = 1) => make(`${agency}.research.returned.v1`, {
  purpose: { kind: 'listing', caseRef }, windowFrom: ago(365), records: [], withheld: [], elsewhere: [], part: { index: part, total },
} as never, { daysAgo });

describe('where a case\'s research stands', () => {
  it('awaits every agency until it answers the listing, and names each answer\'s first arrival', () => {
    expect(researchStatus(replay([]))).toEqual({ returned: [], awaited: ['police', 'cps', 'health', 'advocacy'], remindedAt: null });
    const first = answer('police', CASE, 5, 1, 2);
    const status = researchStatus(replay([first, answer('police', CASE, 4, 2, 2), answer('health', CASE, 3)]));
    expect(status.awaited).toEqual(['cps', 'advocacy']);
    expect(status.returned.map((r) => r.agency)).toEqual(['police', 'health']);
    expect(status.returned[0]!.at).toBe(replay([first]).timeline.find((e) => e.eventId === first.id)!.recordedAt);
  });

  it('counts only answers to this case\'s listing', () => {
    expect(researchStatus(replay([answer('police', OTHER_CASE, 5)])).awaited).toContain('police');
  });

  it('says when the chair last reminded the agencies still awaited', () => {
    const reminded = make('conference.research.reminded.v1', { caseRef: CASE as never, agencies: ['cps'], remindedBy: { userId: 'chair-1' } }, { daysAgo: 2 });
    const view = replay([answer('police', CASE, 5), reminded]);
    expect(researchStatus(view).remindedAt).toBe(view.timeline.find((e) => e.eventId === reminded.id)!.recordedAt);
  });
});
