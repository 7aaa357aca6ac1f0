import { describe, expect, it } from 'vitest';
import { readPurpose, readRecord } from './readAudit.js';

const REF = '0b6f0c2e-2f4a-4a8e-9a43-3c5d6e7f8a90';

describe('what an agency read was for', () => {
  it('is the disclosure or history request it answers, from the path', () => {
    expect(readPurpose('/disclosure-requests/:requestRef', { requestRef: REF }, undefined)).toEqual({ kind: 'disclosure_request', ref: REF });
    expect(readPurpose('/history-requests/:requestRef', { requestRef: REF }, 'CNV-2026-000123')).toEqual({ kind: 'history_request', ref: REF });
  });

  it('is the month for statistics, the case named, else the agency\'s own casework', () => {
    expect(readPurpose('/statistics/:month', { month: '2026-02' }, undefined)).toEqual({ kind: 'scrutiny', ref: '2026-02..2026-02' });
    expect(readPurpose('/incidents/:incidentRef', { incidentRef: 'INC-1' }, 'CNV-2026-000123')).toEqual({ kind: 'case', ref: 'CNV-2026-000123' });
    expect(readPurpose('/incidents/:incidentRef', { incidentRef: 'INC-1' }, undefined)).toEqual({ kind: 'casework' });
  });

  it('names the record read by its path parameter', () => {
    expect(readRecord({ personId: REF })).toEqual({ kind: 'person', ref: REF });
    expect(readRecord({ incidentRef: 'INC-2026-0042' })).toEqual({ kind: 'incident', ref: 'INC-2026-0042' });
    expect(readRecord({ requestRef: REF })).toEqual({ kind: 'request', ref: REF });
    expect(readRecord({ requestRef: REF }, '/disclosure-requests/:requestRef')).toEqual({ kind: 'disclosure_request', ref: REF });
    expect(readRecord({ requestRef: REF }, '/history-requests/:requestRef')).toEqual({ kind: 'history_request', ref: REF });
    expect(readRecord({})).toBeUndefined();
  });
});
