import { describe, expect, it } from 'vitest';
import { NOW, incident, listed, replay, risk, spoApplied } from '../../../../../tests/fixtures/caseEvents.js';
import { viewFor } from '../visibility.js';
import { computeSignals } from './index.js';
import { signalsForViewer } from './perViewer.js';

const cps = { agency: 'cps', role: 'cps' } as const;
const police = { agency: 'police', role: 'police' } as const;
const toPolice = { sharing: 'restricted' as const, audience: [{ agency: 'police' as const }, { role: 'chair' as const }] };

function shown(events: Parameters<typeof replay>[0], viewer: { agency: 'cps' | 'police'; role: 'cps' | 'police' }) {
  const view = replay(events);
  const seen = viewFor(view, viewer);
  return signalsForViewer(computeSignals(view, NOW), computeSignals(seen, NOW), view, seen);
}

describe('signals computed on the whole case, shown per viewer', () => {
  it('does not tell a viewer who cannot see the DASH that there is none: says it is held, and by whom', () => {
    const signals = shown([listed(), incident(['following'], { daysAgo: 20 }), risk('medium', { daysAgo: 15, ...toPolice })], cps);
    expect(signals.map((s) => s.kind)).not.toContain('risk_assessment_missing');
    const note = signals.find((s) => s.kind === 'withheld')!;
    expect(note).toMatchObject({ title: 'A risk assessment is held but not shared with you', withheld: { holders: ['police'] } });
    expect(note.explanation).toContain('Police');
    expect(JSON.stringify(signals)).not.toContain('medium');
  });

  it('does not tell a viewer who cannot see the SPO that there is none', () => {
    const stalking = incident(['threats'], { daysAgo: 20, offenceClass: 'pha_s4a' });
    const signals = shown([listed(), stalking, risk('high', { daysAgo: 15 }), spoApplied('SPO-1', { daysAgo: 10, ...toPolice })], cps);
    expect(signals.map((s) => s.kind)).not.toContain('high_risk_no_spo');
    expect(signals.find((s) => s.kind === 'withheld')).toMatchObject({ title: 'A stalking protection order is held but not shared with you' });
  });

  it('shows a signal resting on hidden records as withheld, without its detail', () => {
    const declined = risk(null, { daysAgo: 15, ...toPolice });
    const signals = shown([listed(), incident(['following'], { daysAgo: 20 }), declined], cps);
    const notes = signals.filter((s) => s.kind === 'withheld' && s.title === 'A signal is withheld from you');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toMatchObject({ severity: 'info', withheld: { holders: ['police'] }, eventIds: [] });
    // Nothing says which signal it is, nor what the hidden assessment said.
    expect(JSON.stringify(notes)).not.toMatch(/declin|assessment|risk_/i);
  });

  it('shows the whole case\'s signals unchanged to a viewer who can see everything', () => {
    const events = [listed(), incident(['following'], { daysAgo: 20 }), risk('medium', { daysAgo: 15, ...toPolice })];
    const view = replay(events);
    expect(shown(events, police)).toEqual(computeSignals(view, NOW));
  });

  it('still raises a real absence', () => {
    const signals = shown([listed(), incident(['following'], { daysAgo: 20 })], cps);
    expect(signals.map((s) => s.kind)).toContain('risk_assessment_missing');
    expect(signals.map((s) => s.kind)).not.toContain('withheld');
  });
});
