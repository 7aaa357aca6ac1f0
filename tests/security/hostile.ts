/*
 * fast-check arbitraries for hostile input: the values an attacker or a broken client sends, and requests built
 * from each operation's valid sample with one part broken by them.
 */
import fc from 'fast-check';
import { encodeSegment, fillPath, sample, type JsonSchema, type Operation } from './sampler.js';

export const LONG = 100_000;

/** Unicode that breaks naive code: lone surrogates, bidi overrides, zero-width, NUL, emoji sequences, combining marks. */
export const ODD_UNICODE = [
  '\uD800', '\uDFFF', 'a\uDC00b', '\uDBFF\uDBFF', '\u202Eevil\u202C.pdf', '\u2066\u2067\u2068\u2069', '\u200B\u200C\u200D\u2060\uFEFF',
  '👩‍👩‍👧‍👦', '🏳️‍🌈🇬🇧', '\u0000', 'a\u0000b', 'CNV-2026-000001\u0000', 'e\u0301\u0302\u0303\u0304\u0305\u0306', 'Z̸̡̛̖͎͈̥͔̓ͦ̆͌ͮa̵̮̥̞l̡g̡o',
  '\uFFFF\uFFFE', '\u2028\u2029', '\r\n\t\v\f', 'İıßẞ', '𝕏𝔂𝔷', 'ﷺ', '\u180E', '\u00AD', '\u034F', '\uFFFD', '\u{10FFFF}', '\u{E0001}\u{E0041}',
];

/** Strings meant to be read as something else: operators, paths, templates, prototype names. */
export const INJECTION_STRINGS = [
  '$where', '$gt', '$ne', '$regex', '$expr', '{"$gt":""}', '{"$ne":null}', "'; return true; var x='", 'sleep(1000)', 'this.constructor.constructor("return process")().exit()',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__',
  '../../../../etc/passwd', '..%2f..%2f', '%00', '%', '%E0%A4%A', '%uD800', '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '#{7*7}',
  'null', 'undefined', 'NaN', 'Infinity', '-1', '0x10', '1e999', ' ', '', '\\', '"', "'", '`', ';', '|', '&&', '*', '.', '..', '/', '?', '#',
  'CNV-2026-000001 OR 1=1', 'CNV-0000-000000', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** A very long string: up to 100k of one (possibly multi-byte or broken) character. */
export const longString = fc.tuple(fc.constantFrom('A', 'é', '👍', '\u200B', '\uD800', '\u0000', '$', '.'), fc.constantFrom(1_000, 10_000, 50_000, LONG)).map(([c, n]) => c.repeat(n / c.length));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_UNICODE, ...INJECTION_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(loneSurrogate, fc.constantFrom(...ODD_UNICODE)), { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: longString },
);

/** MongoDB query operators where a value belongs. */
export const operatorObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constantFrom<Record<string, unknown>>(
    { $where: 'sleep(1000) || true' }, { $where: 'function () { return true }' }, { $gt: '' }, { $ne: null }, { $ne: 'x' }, { $regex: '.*' },
    { $in: [] }, { $nin: [''] }, { $exists: true }, { $expr: { $eq: [1, 1] } }, { $or: [{}] }, { $function: { body: 'return true', args: [], lang: 'js' } },
    { $set: { role: 'chair' } }, { $lookup: {} }, { '$gt': '', '$ne': null },
  ),
  fc.dictionary(fc.constantFrom('$where', '$gt', '$ne', '$lt', '$regex', '$in', '$elemMatch', '$not'), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 }),
);

/** Prototype-pollution shapes; `__proto__` as an own key (as JSON.parse makes it), never as the prototype. */
export const protoObject: fc.Arbitrary<unknown> = fc.constantFrom(
  '{"__proto__":{"isAdmin":true,"role":"chair"}}', '{"constructor":{"prototype":{"isAdmin":true}}}', '{"prototype":{"polluted":1}}',
  '{"__proto__":null}', '{"__proto__":[]}', '{"a":{"__proto__":{"polluted":true}}}', '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
).map((text) => JSON.parse(text) as unknown);

/** Deep nesting, 100 to 1,000 levels, of arrays or objects. */
export const deepValue: fc.Arbitrary<unknown> = fc.tuple(fc.constantFrom(100, 500, 1000), fc.constantFrom('array', 'object', 'proto')).map(([depth, kind]) => {
  let value: unknown = kind === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : kind === 'object' ? { a: value } : JSON.parse(`{"__proto__":${JSON.stringify(value)}}`);
  return value;
});

/** Keys that are themselves hostile: operators, dotted paths, prototype names, NUL, empty. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$gt', '$set', 'a.b', '.', '$', '', '\u0000', 'a\u0000b', '\uD800', '_id', 'id', 'role', 'agency'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 3, arbitrary: operatorObject },
  { weight: 2, arbitrary: protoObject },
  { weight: 1, arbitrary: deepValue },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, [], {}, [null], ['x'], [[]], [{}]) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.dictionary(hostileKey, fc.oneof(hostileString, fc.jsonValue({ maxDepth: 2 })), { minKeys: 1, maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(hostileString, operatorObject), { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

/** Every property path a schema names (optional ones too), up to a few levels down. */
export function schemaPaths(schema: JsonSchema | undefined, prefix: string[] = [], depth = 0): string[][] {
  if (!schema || depth > 4) return [];
  const found: string[][] = [];
  for (const option of [schema, ...((schema.anyOf ?? []) as JsonSchema[])]) {
    for (const [key, child] of Object.entries((option.properties ?? {}) as Record<string, JsonSchema>)) {
      found.push([...prefix, key], ...schemaPaths(child, [...prefix, key], depth + 1));
    }
    if (option.type === 'array' && option.items) found.push([...prefix, '0'], ...schemaPaths(option.items as JsonSchema, [...prefix, '0'], depth + 1));
  }
  return found;
}

/** The sample with `path` set to `value`, intermediate objects and arrays created as needed. */
export function setPath(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const container: Record<string, unknown> = Array.isArray(root) ? [...root] as never : typeof root === 'object' && root !== null ? { ...root } : /^\d+$/.test(head) ? [] as never : {};
  Object.defineProperty(container, head, { value: setPath(container[head], rest, value), enumerable: true, writable: true, configurable: true });
  return container;
}

export interface HostileRequest {
  /** What was broken, for the failure report. */
  kind: string;
  url: string;
  /** Raw body text (sent as is), or none. */
  body?: string;
  contentType?: string;
  /** Whose token: the operation's allowed caller (most often), none, or another role's. */
  auth: 'allowed' | 'none' | 'other';
}

const json = (value: unknown) => JSON.stringify(value);

/** Raw bodies that are not (quite) JSON, and media types that are not JSON at all. */
const RAW_BODIES = ['', '{', '{"a":', '[', 'nul', 'null', 'true', '0', '"text"', '[]', '{}', '{"a":1,"a":2}', '{"a":1}garbage', '\u0000', '\uFEFF{}', '{"\\ud800":1}', '{"a":"\\u0000"}', '{"a":1e99999}', '{"a":-}', "{'a':1}", '{"a":NaN}'];
const CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/merge-patch+json', 'multipart/form-data; boundary=x', 'application/xml', 'application/json, text/plain'];

/** A request to `op` with exactly one part made hostile. */
export function hostileRequest(op: Operation): fc.Arbitrary<HostileRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const validParams = () => Object.fromEntries(pathParams.map((p) => [p.name, String(sample(p.schema))]));
  const validBody = () => (op.body ? json(sample(op.body)) : undefined);
  const auth = fc.constantFrom<HostileRequest['auth']>('allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'allowed', 'none', 'other');
  const options: fc.Arbitrary<HostileRequest>[] = [];

  if (pathParams.length > 0) {
    options.push(fc.record({ name: fc.constantFrom(...pathParams.map((p) => p.name)), value: fc.oneof(hostileString, operatorObject.map(json), fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '.', '%2e%2e', '%2F', 'a/b', '%00')), auth }).map(({ name, value, auth }) => {
      // Some values are sent unencoded on purpose (malformed percent escapes); the rest are percent-encoded.
      const raw = /^%|^\.\.?$|^a\/b$/.test(value);
      const params = validParams();
      const url = op.path.replace(/\{([^}]+)\}/g, (_, n: string) => (n === name ? (raw ? value : encodeSegment(value)) : encodeSegment(params[n]!)));
      return { kind: `path ${name}`, url, auth, ...(op.body ? { body: validBody()!, contentType: 'application/json' } : {}) };
    }));
  }

  // Query strings: hostile values for the declared parameters, bracket operators, prototype keys, repeats.
  const queryNames = [...queryParams.map((p) => p.name), 'status', 'q', '__proto__', 'constructor'];
  options.push(fc.record({
    parts: fc.array(fc.oneof(
      fc.tuple(fc.constantFrom(...queryNames), hostileString).map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`),
      fc.tuple(fc.constantFrom(...queryNames), fc.constantFrom('[$ne]', '[$gt]', '[$where]', '[$regex]', '[__proto__][x]', '[constructor][prototype][x]', '[]', '[0]', '.x')).map(([k, op]) => `${k}${op}=1`),
      fc.constantFrom('status=listed&status=closed', 'status', '=', '&&&', '%', 'status=%', 'status=%E0%A4%A', '__proto__[isAdmin]=true', 'a='.repeat(2000)),
    ), { minLength: 1, maxLength: 4 }),
    auth,
  }).map(({ parts, auth }) => ({ kind: 'query', url: `${fillPath(op.path, validParams())}?${parts.join('&')}`, auth, ...(op.body ? { body: validBody()!, contentType: 'application/json' } : {}) })));

  // GET has no body: what is left to break is the path and the query.
  if (op.method === 'GET') return fc.oneof(...options);

  // Bodies: replaced whole, one field (declared or not) made hostile, extra hostile keys, raw text, odd media types.
  const paths = schemaPaths(op.body);
  const bodyTarget = fc.oneof(
    { weight: 1, arbitrary: hostileValue.map((v) => ({ kind: 'body replaced', body: v })) },
    ...(paths.length ? [{ weight: 4, arbitrary: fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, v]) => ({ kind: `body.${path.join('.')}`, body: setPath(op.body ? sample(op.body) : {}, path, v) })) }] : []),
    { weight: 1, arbitrary: fc.tuple(hostileKey, hostileValue).map(([k, v]) => ({ kind: `body extra key ${JSON.stringify(k).slice(0, 20)}`, body: setPath(op.body ? sample(op.body) : {}, [k], v) })) },
  );
  options.push(fc.record({ target: bodyTarget, auth }).map(({ target, auth }) => ({
    kind: target.kind, url: fillPath(op.path, validParams()), body: json(target.body) ?? 'null', contentType: 'application/json', auth,
  })));
  options.push(fc.record({ text: fc.oneof(fc.constantFrom(...RAW_BODIES), fc.string({ unit: 'binary', maxLength: 60 })), auth }).map(({ text, auth }) => ({
    kind: 'raw body', url: fillPath(op.path, validParams()), body: text, contentType: 'application/json', auth,
  })));
  options.push(fc.record({ type: fc.constantFrom(...CONTENT_TYPES), auth }).map(({ type, auth }) => ({
    kind: `content-type ${type}`, url: fillPath(op.path, validParams()), body: validBody() ?? '{}', contentType: type, auth,
  })));
  return fc.oneof(...options);
}

/** Names socket.io's client refuses to emit. */
const RESERVED_EVENTS = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];

/** Socket messages: hostile payloads for join/leave/catchUp, extra arguments, unknown events. */
export const socketMessage = fc.oneof(
  fc.record({ event: fc.constantFrom('join', 'leave', 'catchUp'), args: fc.tuple(hostileValue) }),
  fc.record({ event: fc.constantFrom('join', 'leave', 'catchUp'), args: fc.tuple(fc.record({ meetingId: hostileValue, lastSeq: hostileValue, afterSeq: hostileValue }, { requiredKeys: ['meetingId'] })) }),
  // Well-formed meeting ids (none of them a meeting) with hostile sequence numbers, so messages reach the handlers.
  fc.record({
    event: fc.constantFrom('join', 'leave', 'catchUp'),
    args: fc.tuple(fc.record({
      meetingId: fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff')),
      lastSeq: fc.oneof(fc.nat(), fc.constantFrom(2 ** 53, 2 ** 53 + 2, 1e308, -1, 0.5, -0), hostileValue),
      afterSeq: fc.oneof(fc.nat(), fc.constantFrom(2 ** 53, 2 ** 53 + 2, 1e308, -1, 0.5, -0), hostileValue),
    }, { requiredKeys: ['meetingId'] })),
  }),
  fc.record({ event: fc.constantFrom('join', 'leave', 'catchUp'), args: fc.tuple(fc.dictionary(hostileKey, hostileValue, { maxKeys: 3 })) }),
  fc.record({ event: fc.constantFrom('join', 'leave', 'catchUp'), args: fc.array(hostileValue, { maxLength: 3 }) }),
  fc.record({ event: fc.oneof(hostileString.filter((e) => e.length < 200 && !RESERVED_EVENTS.includes(e)), fc.constantFrom('push', 'error', '__proto__', 'constructor', 'hasOwnProperty')), args: fc.array(hostileValue, { maxLength: 2 }) }),
);
