import { describe, expect, it } from 'vitest';
import { AuditInput, purposeLabel, type AuditPurpose } from './entry.js';

const valid = {
  actor: { sub: 'cps-lawyer-4', role: 'cps', agency: 'cps' },
  action: 'chronology.read',
  caseRef: 'CNV-2026-000123',
  requestRef: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90',
  purpose: { kind: 'history_request', ref: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90' },
  outcome: 'allowed',
} as const;

describe('AuditInput holds no personal data', () => {
  it('accepts ids, roles, agencies, an action, a case ref and a short purpose', () => {
    expect(AuditInput.parse(valid)).toEqual(valid);
  });

  it.each<[AuditPurpose, string]>([
    [{ kind: 'meeting', ref: '7d1f6a52-5c1e-4f53-9d55-0b1a8c3f2e11' }, 'meeting:7d1f6a52-5c1e-4f53-9d55-0b1a8c3f2e11'],
    [{ kind: 'disclosure_request', ref: '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90' }, 'disclosure_request:0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90'],
    [{ kind: 'scrutiny', ref: '2025-04..2026-03' }, 'scrutiny:2025-04..2026-03'],
    [{ kind: 'case', ref: 'CNV-2026-000123' }, 'case:CNV-2026-000123'],
    [{ kind: 'coordination' }, 'coordination'],
    [{ kind: 'casework' }, 'casework'],
  ])('accepts the structured purpose %j, labelled %s', (purpose, label) => {
    expect(AuditInput.parse({ ...valid, purpose, record: { kind: 'incident', ref: 'INC-2026-0042' } }).purpose).toEqual(purpose);
    expect(purposeLabel(purpose)).toBe(label);
  });

  it.each([
    ['a name beside the fields', { ...valid, name: 'Jane Doe' }],
    ['a name inside the actor', { ...valid, actor: { ...valid.actor, name: 'Sam Chair' } }],
    ['a purpose as free text', { ...valid, purpose: 'CPS history check' }],
    ['a date of birth as the purpose\'s ref', { ...valid, purpose: { kind: 'history_request', ref: '01/02/1980' } }],
    ['an NHS number as a case purpose', { ...valid, purpose: { kind: 'case', ref: '943 476 5919' } }],
    ['text beside a purpose', { ...valid, purpose: { ...valid.purpose, note: 'Jane Doe' } }],
    ['a ref on a purpose that has none', { ...valid, purpose: { kind: 'coordination', ref: 'Jane Doe' } }],
    ['an unknown purpose', { ...valid, purpose: { kind: 'curiosity' } }],
    ['a scrutiny period that is not a month range', { ...valid, purpose: { kind: 'scrutiny', ref: '2026-01 to 2026-03' } }],
    ['a record ref with spaces', { ...valid, record: { kind: 'person', ref: 'Jane Doe' } }],
    ['an email address as the actor id', { ...valid, actor: { ...valid.actor, sub: 'jane.doe@police.example' } }],
    ['a display name as the actor id', { ...valid, actor: { ...valid.actor, sub: 'Jane Doe' } }],
    ['an action that is not dotted lower case', { ...valid, action: 'Chronology Read' }],
    ['a case ref that is not one', { ...valid, caseRef: 'Jane Doe' }],
    ['an unknown outcome', { ...valid, outcome: 'maybe' }],
  ])('rejects %s', (_what, input) => {
    expect(AuditInput.safeParse(input).success).toBe(false);
  });
});
