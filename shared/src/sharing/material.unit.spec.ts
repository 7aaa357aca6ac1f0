import { describe, expect, it } from 'vitest';
import { eventTypes } from '../contracts/index.js';
import { materialOf } from './material.js';

describe('materialOf', () => {
  it('marks what an investigation or a court recorded as evidence', () => {
    expect(materialOf('police.incident.recorded.v1')).toBe('evidence');
    expect(materialOf('police.spo.breached.v1')).toBe('evidence');
    expect(materialOf('cps.restraining_order.made.v1')).toBe('evidence');
    expect(materialOf('cps.case.outcome.v1')).toBe('evidence');
  });

  it('marks risk, health, the victim\'s voice and meeting business as intelligence', () => {
    expect(materialOf('police.risk.assessed.v1')).toBe('intelligence');
    expect(materialOf('police.spo.considered.v1')).toBe('intelligence');
    expect(materialOf('health.concern.flagged.v1')).toBe('intelligence');
    expect(materialOf('advocacy.diary.entry.v1')).toBe('intelligence');
    expect(materialOf('conference.case.reviewed.v1')).toBe('intelligence');
  });

  it('treats a record kind it does not know as intelligence', () => {
    expect(materialOf('police.something.new.v1')).toBe('intelligence');
  });

  it('names only event types the contracts define as evidence', () => {
    const evidence = [...eventTypes].filter((t) => materialOf(t) === 'evidence');
    expect(evidence.length).toBe(15);
    expect(evidence.every((t) => t.startsWith('police.') || t.startsWith('cps.'))).toBe(true);
  });
});
