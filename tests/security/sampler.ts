/*
 * Requests from OpenAPI documents: each operation with its parameters and body schema, and a minimal value
 * that satisfies a JSON Schema (required properties only, first enum member, shortest allowed string). Zod
 * refinements are not in the schema, so a sampled body may still be refused with a 400 — after authorisation,
 * which is all the matrix needs; the hostile-input tests start from these values and break them.
 */
import { randomUUID } from 'node:crypto';
import { endpointsOf } from './policyMatrix.js';
import type { ServiceName } from './principals.js';

export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  service: ServiceName;
  method: string;
  /** OpenAPI path, `{param}` style. */
  path: string;
  operationId: string;
  permission: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

export function operationsOf(service: ServiceName, doc: Record<string, unknown>): Operation[] {
  const paths = doc.paths as Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
  return endpointsOf(doc).map((e) => {
    const op = paths[e.path]![e.method.toLowerCase()]!;
    return {
      service, method: e.method, path: e.path, operationId: e.operationId, permission: e.permission,
      parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema,
    };
  });
}

/** Values for the patterns the documents use, where no `format` says more. */
const PATTERN_SAMPLES: [RegExp, (s: JsonSchema) => string][] = [
  [/^\^\\d\{4\}-\(0\[1-9\]\|1\[0-2\]\)\$$/, () => '2026-01'],
  [/^\^CNV-/, () => `CNV-2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`],
  [/^\^\\d\{2\}\[A-Z0-9\]\{2\}\\d\{7\}\$$/, () => '42AB1234526'],
  [/^\^lt1\\\./, () => `lt1.nhs.${'A'.repeat(43)}`],
  [/^\^\[0-9 \+\(\)-\]/, () => '0113 496 0000'],
  [/^\^\[A-Za-z0-9\\-\.\]/, () => 'flag-1'],
  [/^\^\[A-Za-z0-9\]\[A-Za-z0-9\._\\\/-\]\*\$$/, () => `REF-${randomUUID().slice(0, 8)}`],
  // An area id.
  [/^\^\[a-z\]\[a-z0-9-\]/, () => 'local'],
  // A date of birth, written YYYY-MM-DD (the first of its forms).
  [/^\^\(\?:19\[0-9\]\{2\}\|/, () => '1985-03-14'],
];

const FORMAT_SAMPLES: Record<string, () => string> = {
  uuid: () => randomUUID(),
  'date-time': () => new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  date: () => '2026-01-15',
  email: () => 'someone@example.org',
  uri: () => 'https://example.org/x',
  url: () => 'https://example.org/x',
};

function sampleString(schema: JsonSchema): string {
  const format = schema.format as string | undefined;
  if (format && FORMAT_SAMPLES[format]) return FORMAT_SAMPLES[format]!();
  const pattern = schema.pattern as string | undefined;
  if (pattern) {
    const known = PATTERN_SAMPLES.find(([re]) => re.test(pattern));
    if (known) return known[1](schema);
    // The big date and date-time patterns zod writes (with or without a format alongside).
    if (pattern.includes('T(?:')) return FORMAT_SAMPLES['date-time']!();
    if (pattern.includes('-02-29')) return FORMAT_SAMPLES.date!();
    if (pattern.includes('[0-9a-fA-F]{8}-')) return randomUUID();
  }
  const min = Number(schema.minLength ?? 1);
  const max = Number(schema.maxLength ?? Math.max(min, 8));
  const text = 'sample text';
  return text.length >= min ? text.slice(0, Math.max(min, Math.min(max, text.length))) : text.padEnd(min, 'x');
}

/** Whether a value meets an `if` made of required keys and constants (all our documented rules are). */
function meets(value: unknown, condition: JsonSchema): boolean {
  if ('const' in condition) return value === condition.const;
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (!((condition.required ?? []) as string[]).every((k) => k in record)) return false;
  return Object.entries((condition.properties ?? {}) as Record<string, JsonSchema>).every(([k, s]) => !(k in record) || meets(record[k], s));
}

/** A minimal value valid for the schema (as far as JSON Schema can say). */
export function sample(schema: JsonSchema | undefined): unknown {
  if (!schema || Object.keys(schema).length === 0) return 'x';
  // A schema with an example (the FHIR Flag, whose rules are more than this sampler follows) is sampled by it.
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return structuredClone(schema.examples[0]);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  // anyOf beside an object's own properties says which of them must be given: give the first alternative's.
  if (Array.isArray(schema.anyOf) && schema.type === 'object') {
    const { anyOf, ...own } = schema;
    const value = sample(own) as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const key of ((anyOf as JsonSchema[])[0]?.required ?? []) as string[]) value[key] = sample(props[key]);
    return value;
  }
  // Alternatives beside a string's own keywords (the forms of a date of birth) add to them.
  if (Array.isArray(schema.anyOf) && schema.type === 'string') {
    const { anyOf, ...own } = schema;
    return sample({ ...own, ...(anyOf as JsonSchema[])[0] });
  }
  if (Array.isArray(schema.anyOf)) return sample(((schema.anyOf as JsonSchema[]).find((s) => s.type !== 'null') ?? schema.anyOf[0]) as JsonSchema);
  if (Array.isArray(schema.oneOf)) return sample(schema.oneOf[0] as JsonSchema);
  if (Array.isArray(schema.allOf) && schema.type === undefined) return Object.assign({}, ...(schema.allOf as JsonSchema[]).map((s) => sample(s)));
  // allOf beside an object's own properties holds cross-field rules: where the minimal value meets a rule's `if`,
  // give it what the `then` requires (a completed DASH its answers, then its S-DASH answers).
  if (Array.isArray(schema.allOf) && schema.type === 'object') {
    const { allOf, ...own } = schema;
    const value = sample(own) as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const rule of allOf as JsonSchema[]) {
      if (!rule.if || !meets(value, rule.if as JsonSchema)) continue;
      for (const key of ((rule.then as JsonSchema | undefined)?.required ?? []) as string[]) value[key] ??= sample(props[key]);
    }
    return value;
  }
  const type = Array.isArray(schema.type) ? (schema.type as string[]).find((t) => t !== 'null') : (schema.type as string | undefined);
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((k) => [k, sample(props[k])]));
    }
    case 'array': {
      const n = Number(schema.minItems ?? 0);
      return Array.from({ length: n }, () => sample(schema.items as JsonSchema | undefined));
    }
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined);
      return typeof min === 'number' ? min : 0;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'x';
  }
}

export interface RequestParts {
  method: string;
  /** Path with parameters substituted and percent-encoded, and the query string if any. */
  url: string;
  body: unknown;
}

/** Percent-encode any string, lone surrogates included (as UTF-8 of U+FFFD, as a browser would). */
export function encodeSegment(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeSegment(params[name] ?? 'x'));
}

/** A valid request for the operation; `params` overrides path parameters (e.g. a real case reference). */
export function validRequest(op: Operation, params: Record<string, string> = {}): RequestParts {
  const pathParams = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, params[p.name] ?? String(sample(p.schema))]));
  const query = op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => `${encodeSegment(p.name)}=${encodeSegment(String(sample(p.schema)))}`);
  return {
    method: op.method,
    url: fillPath(op.path, pathParams) + (query.length ? `?${query.join('&')}` : ''),
    body: op.body ? sample(op.body) : undefined,
  };
}
