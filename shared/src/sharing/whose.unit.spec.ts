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
