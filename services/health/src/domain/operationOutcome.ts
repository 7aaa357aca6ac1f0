import { z } from 'zod';

/** The FHIR R4 issue types this service answers with (http://hl7.org/fhir/R4/valueset-issue-type.html). */
export const IssueCode = z.enum(['invalid', 'structure', 'required', 'value', 'not-found', 'not-supported', 'multiple-matches']);
export type IssueCode = z.infer<typeof IssueCode>;

export const OperationOutcomeIssue = z.object({
  severity: z.literal('error'),
  code: IssueCode,
  diagnostics: z.string(),
  expression: z.array(z.string()).optional(),
});
export type OperationOutcomeIssue = z.infer<typeof OperationOutcomeIssue>;

/** A FHIR R4 OperationOutcome: how a FHIR endpoint says what was wrong with a resource (a schema for the document). */
export const OperationOutcome = z.object({ resourceType: z.literal('OperationOutcome'), issue: z.array(OperationOutcomeIssue) });
export type OperationOutcome = z.infer<typeof OperationOutcome>;

export const FHIR_JSON = 'application/fhir+json';

export function operationOutcome(issues: OperationOutcomeIssue[]): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: issues };
}

export function issue(code: IssueCode, diagnostics: string, expression?: string): OperationOutcomeIssue {
  return { severity: 'error', code, diagnostics, ...(expression ? { expression: [expression] } : {}) };
}

/** A zod path as a FHIRPath expression rooted at the resource: ['code','coding',0,'code'] → Flag.code.coding[0].code */
export function fhirPath(resourceType: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : `${out}.${String(part)}`), resourceType);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/**
 * Zod issues as OperationOutcome issues: a missing element is `required`, an element of the wrong shape or
 * an element FHIR does not define here is `structure`, a value outside its value set is `invalid`.
 */
export function outcomeIssues(resourceType: string, error: z.ZodError, input: unknown): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  for (const zi of error.issues.slice(0, 20)) {
    if (zi.code === 'unrecognized_keys') {
      for (const key of zi.keys) issues.push(issue('structure', `unknown element '${key}'`, fhirPath(resourceType, [...zi.path, key])));
      continue;
    }
    const missing = zi.code !== 'custom' && valueAt(input, zi.path) === undefined;
    const code: IssueCode = missing ? 'required' : zi.code === 'invalid_type' ? 'structure' : 'invalid';
    issues.push(issue(code, missing ? 'required element is missing' : zi.message, fhirPath(resourceType, zi.path)));
  }
  return issues;
}
