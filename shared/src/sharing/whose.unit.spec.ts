import { describe, expect, it } from 'vitest';
import type { Subject } from '../contracts/index.js';
import { caseSubjectsOf, relationToCase, subjectsWithin } from './whose.js';

const V = 'nd:v'.padEnd(10, 'v');
const X = 'nd:x'.padEnd(10, 'x');
const S = 'nd:s'.padEnd(10, 's');
const CHILD = 'nd:c'.padEnd(10, 'c');
const caseOfV = caseSubjectsOf([{ role: 'victim', tokens: [V] }, { role: 'suspect', tokens: [S] }, { role: 'child', tokens: [CHILD] }]);
const about = (...subjects: [Subject['role'], string][]): Subject[] => subjects.map(([role, t]) => ({ role, tokens: [t] }));

describe('whose records join a case', () => {
  it('takes a record naming the case victim, alone or with the suspect', () => {
    expect(relationToCase(about(['victim', V]), caseOfV)).toBe('own');
    expect(relationToCase(about(['victim', V], ['suspect', S]), caseOfV)).toBe('own');
  });

  it('takes a record about the suspect alone (arrest, order, health flag on the suspect)', () => {
    expect(relationToCase(about(['suspect', S]), caseOfV)).toBe('own');
  });

  it('outlines a record about the suspect that names another victim', () => {
    expect(relationToCase(about(['victim', X], ['suspect', S]), caseOfV)).toBe('elsewhere');
  });

  it('ignores a record about nobody on the case, even another victim of someone else', () => {
    expect(relationToCase(about(['victim', X]), caseOfV)).toBe('unrelated');
    expect(relationToCase(about(['suspect', 'nd:zzzzzz']), caseOfV)).toBe('unrelated');
  });

  it('does not treat the suspect token written as a victim as the case victim', () => {
    expect(relationToCase(about(['victim', S]), caseOfV)).toBe('elsewhere');
  });

  it('keeps only the case people among a record\'s subjects', () => {
    expect(subjectsWithin(about(['victim', V], ['victim', X], ['suspect', S]), caseOfV)).toEqual(about(['victim', V], ['suspect', S]));
  });
});

describe('whose records join a case: what the review found', () => {
  const TWIN_DP = 'lt1.dp.' + 't'.repeat(43);
  const VICKY = 'lt1.nd.' + 'v'.repeat(43);
  const XENA = 'lt1.nd.' + 'x'.repeat(43);
  const SUSPECT = 'lt1.nd.' + 's'.repeat(43);
  const KAI = 'lt1.nd.' + 'k'.repeat(43);
  const vickysCase = caseSubjectsOf([{ role: 'victim', tokens: [VICKY, TWIN_DP] }, { role: 'suspect', tokens: [SUSPECT] }]);

  it('does not take a twin\'s record for the case victim\'s on a shared date-of-birth-and-postcode token', () => {
    expect(relationToCase([{ role: 'victim', tokens: [XENA, TWIN_DP] }, { role: 'suspect', tokens: [SUSPECT] }], vickysCase)).toBe('elsewhere');
    expect(relationToCase([{ role: 'victim', tokens: [TWIN_DP] }], vickysCase)).toBe('unrelated');
  });

  it('outlines a record naming no victim when someone it names is not on the case (another victim\'s child)', () => {
    expect(relationToCase([{ role: 'suspect', tokens: [SUSPECT] }, { role: 'child', tokens: [KAI] }], vickysCase)).toBe('elsewhere');
    expect(relationToCase([{ role: 'suspect', tokens: [SUSPECT] }, { role: 'other', tokens: [XENA] }], vickysCase)).toBe('elsewhere');
  });

  it('outlines a record naming the case victim and another victim', () => {
    expect(relationToCase([{ role: 'victim', tokens: [XENA] }, { role: 'victim', tokens: [VICKY] }], vickysCase)).toBe('elsewhere');
  });
});
