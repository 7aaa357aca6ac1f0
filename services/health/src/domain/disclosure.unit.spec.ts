import { describe, expect, it } from 'vitest';
import { decideDisclosure, MAX_DISCLOSED_DETAIL, shareableDetail, type DisclosureRequestState } from './disclosure.js';

const request: DisclosureRequestState = { requestRef: '7c9e6679-7425-40de-944b-e07fc1f90ae7', caseRef: 'CNV-2026-000123', concernRef: 'CON-1', status: 'pending' };
const guardian = { userId: 'cg-1', displayName: 'Dr Patel' };
const police = [{ agency: 'police' as const }];

describe('the Caldicott decision', () => {
  it('discloses the stored detail to the named audience only, as restricted', () => {
    const decided = decideDisclosure(request, { decision: 'disclosed', reason: 'Risk to life', audience: police, legalGateway: 'overriding_public_interest' }, { detail: 'Bruising to both wrists' }, guardian);
    expect(decided).toEqual({
      sharing: 'restricted', audience: police,
      data: { requestRef: request.requestRef, caseRef: request.caseRef, concernRef: request.concernRef, decision: 'disclosed', reason: 'Risk to life', decidedBy: guardian, detail: 'Bruising to both wrists', legalGateway: 'overriding_public_interest' },
    });
  });

  it('prefers the detail the guardian wrote, and cuts stored detail to what one event carries', () => {
    expect(decideDisclosure(request, { decision: 'disclosed', reason: 'r', audience: police, detail: 'Summary only', legalGateway: 'explicit_consent' }, { detail: 'Full notes' }, guardian).data.detail).toBe('Summary only');
    const long = decideDisclosure(request, { decision: 'disclosed', reason: 'r', audience: police, legalGateway: 'explicit_consent' }, { detail: 'x'.repeat(4000) }, guardian).data.detail;
    expect(long).toHaveLength(MAX_DISCLOSED_DETAIL);
    expect(long?.endsWith('…')).toBe(true);
    expect(shareableDetail('  short  ')).toBe('short');
  });

  it('refuses as partnership business, with no detail and no audience', () => {
    const decided = decideDisclosure(request, { decision: 'refused', reason: 'Not necessary' }, { detail: 'Bruising' }, guardian);
    expect(decided.sharing).toBe('partnership');
    expect(decided.audience).toBeUndefined();
    expect(decided.data).not.toHaveProperty('detail');
    expect(decided.data).not.toHaveProperty('legalGateway');
  });

  it('decides each request once', () => {
    expect(() => decideDisclosure({ ...request, status: 'refused' }, { decision: 'refused', reason: 'again' }, undefined, guardian))
      .toThrow(expect.objectContaining({ status: 409, code: 'disclosure_already_decided' }));
  });

  it('cannot disclose what it does not hold, without an audience, or without a legal gateway', () => {
    expect(() => decideDisclosure(request, { decision: 'disclosed', reason: 'r', audience: police, legalGateway: 'explicit_consent' }, undefined, guardian)).toThrow(expect.objectContaining({ status: 409 }));
    expect(() => decideDisclosure(request, { decision: 'disclosed', reason: 'r', audience: police, legalGateway: 'explicit_consent' }, {}, guardian)).toThrow(expect.objectContaining({ status: 400, field: 'body.detail' }));
    expect(() => decideDisclosure(request, { decision: 'disclosed', reason: 'r' }, { detail: 'd' }, guardian)).toThrow(expect.objectContaining({ status: 400, field: 'body.audience' }));
    expect(() => decideDisclosure(request, { decision: 'disclosed', reason: 'r', audience: police }, { detail: 'd' }, guardian)).toThrow(expect.objectContaining({ status: 400, field: 'body.legalGateway' }));
  });
});
