import { describe, expect, it } from 'vitest';
import { AuditInput } from './entry.js';

const valid = {
  actor: { sub: 'cps-lawyer-4', role: 'cps', agency: 'cps' },
  action: 'chronology.read',
  caseRef: 'CNV-2026-000123',
  requestRef: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90',
  purpose: 'CPS history check',
  outcome: 'allowed',
} as const;

describe('AuditInput holds no personal data', () => {
  it('accepts ids, roles, agencies, an action, a case ref and a short purpose', () => {
    expect(AuditInput.parse(valid)).toEqual(valid);
  });

  it.each([
    ['a name beside the fields', { ...valid, name: 'Jane Doe' }],
    ['a name inside the actor', { ...valid, actor: { ...valid.actor, name: 'Sam Chair' } }],
    ['a date of birth in the purpose', { ...valid, purpose: 'check DOB 01/02/1980' }],
    ['an NHS number in the purpose', { ...valid, purpose: 'nhs 943 476 5919' }],
    ['a purpose longer than 80 characters', { ...valid, purpose: 'a'.repeat(81) }],
    ['an email address as the actor id', { ...valid, actor: { ...valid.actor, sub: 'jane.doe@police.example' } }],
    ['a display name as the actor id', { ...valid, actor: { ...valid.actor, sub: 'Jane Doe' } }],
    ['an action that is not dotted lower case', { ...valid, action: 'Chronology Read' }],
    ['a case ref that is not one', { ...valid, caseRef: 'Jane Doe' }],
    ['an unknown outcome', { ...valid, outcome: 'maybe' }],
  ])('rejects %s', (_what, input) => {
    expect(AuditInput.safeParse(input).success).toBe(false);
  });
});
