import type { Subject } from '../contracts/index.js';

/** The people a case (or a CPS history check) is about, as the purpose names them: never widened by records. */
export interface CaseSubjects {
  victimTokens: readonly string[];
  /** Every other token of the case's people: suspects, children, others. */
  otherTokens: readonly string[];
}

/**
 * How a record stands to a case:
 * - `own`: it concerns the case's own victim (she is a subject, and every victim it names is on the case), or it
 *   names no victim and everyone it is about is on the case (an arrest, an order, a health flag on the suspect);
 * - `elsewhere`: it is about someone on the case (the suspect) but names someone who is not — another victim, or
 *   another victim's child: only its outline may reach the case, as the suspect's history elsewhere;
 * - `unrelated`: it names nobody on the case.
 */
export type Relation = 'own' | 'elsewhere' | 'unrelated';

/**
 * Tokens that tell one person from another. A `dp` token (date of birth and postcode) is shared by twins at one
 * address, so it never decides on its own whose a record is: it still finds records, it does not join them.
 */
export function identifying(tokens: readonly string[]): string[] {
  return tokens.filter((t) => !t.startsWith('lt1.dp.'));
}

export function relationToCase(subjects: readonly Subject[], of: CaseSubjects): Relation {
  const { victims, onCase } = tokenSetsOf(of);
  if (!subjects.some((s) => hasAny(s, onCase))) return 'unrelated';
  let namesVictim = false;
  for (const s of subjects) {
    if (s.role !== 'victim') continue;
    namesVictim = true;
    if (!hasAny(s, victims)) return 'elsewhere';
  }
  if (namesVictim) return 'own';
  return subjects.every((s) => hasAny(s, onCase)) ? 'own' : 'elsewhere';
}

// A case's people are judged against many records in one fold: their token sets are built once per people object.
const tokenSets = new WeakMap<CaseSubjects, { victims: Set<string>; onCase: Set<string>; kept: Set<string> }>();

function tokenSetsOf(of: CaseSubjects) {
  let sets = tokenSets.get(of);
  if (!sets) {
    sets = {
      victims: new Set(identifying(of.victimTokens)),
      onCase: new Set(identifying([...of.victimTokens, ...of.otherTokens])),
      kept: new Set([...of.victimTokens, ...of.otherTokens]),
    };
    tokenSets.set(of, sets);
  }
  return sets;
}

function hasAny(subject: Subject, tokens: Set<string>): boolean {
  for (const t of subject.tokens) if (tokens.has(t)) return true;
  return false;
}

/** A record's subjects as a case may keep them: only the tokens of the case's own people. */
export function subjectsWithin(subjects: readonly Subject[], of: CaseSubjects): Subject[] {
  const { kept } = tokenSetsOf(of);
  return subjects
    .map((s) => ({ role: s.role, tokens: s.tokens.filter((t) => kept.has(t)) }))
    .filter((s) => s.tokens.length > 0);
}

/** The case subjects named by a listing's people (or any list of role + tokens). */
export function caseSubjectsOf(people: readonly { role: Subject['role']; tokens: readonly string[] }[]): CaseSubjects {
  return {
    victimTokens: [...new Set(people.filter((p) => p.role === 'victim').flatMap((p) => p.tokens))],
    otherTokens: [...new Set(people.filter((p) => p.role !== 'victim').flatMap((p) => p.tokens))],
  };
}
