import type { Subject } from '../contracts/index.js';

/** The people a case (or a CPS history check) is about, as the purpose names them: never widened by records. */
export interface CaseSubjects {
  victimTokens: readonly string[];
  /** Every other token of the case's people: suspects, children, others. */
  otherTokens: readonly string[];
}

/**
 * How a record stands to a case:
 * - `own`: it concerns the case's own victim (she is a subject), or it names no victim at all and is about
 *   someone on the case (an arrest, an order, a health flag on the suspect);
 * - `elsewhere`: it is about someone on the case (the suspect) but names another victim: only its outline
 *   may reach the case, as the suspect's history elsewhere;
 * - `unrelated`: it names nobody on the case.
 */
export type Relation = 'own' | 'elsewhere' | 'unrelated';

export function relationToCase(subjects: readonly Subject[], of: CaseSubjects): Relation {
  const victims = new Set(of.victimTokens);
  const onCase = new Set([...of.victimTokens, ...of.otherTokens]);
  const named = subjects.filter((s) => s.role === 'victim');
  if (named.some((s) => s.tokens.some((t) => victims.has(t)))) return 'own';
  const aboutCase = subjects.some((s) => s.tokens.some((t) => onCase.has(t)));
  if (!aboutCase) return 'unrelated';
  return named.length === 0 ? 'own' : 'elsewhere';
}

/** A record's subjects as a case may keep them: only the tokens of the case's own people. */
export function subjectsWithin(subjects: readonly Subject[], of: CaseSubjects): Subject[] {
  const onCase = new Set([...of.victimTokens, ...of.otherTokens]);
  return subjects
    .map((s) => ({ role: s.role, tokens: s.tokens.filter((t) => onCase.has(t)) }))
    .filter((s) => s.tokens.length > 0);
}

/** The case subjects named by a listing's people (or any list of role + tokens). */
export function caseSubjectsOf(people: readonly { role: Subject['role']; tokens: readonly string[] }[]): CaseSubjects {
  return {
    victimTokens: [...new Set(people.filter((p) => p.role === 'victim').flatMap((p) => p.tokens))],
    otherTokens: [...new Set(people.filter((p) => p.role !== 'victim').flatMap((p) => p.tokens))],
  };
}
