import { createHmac } from 'node:crypto';
import { LinkTokenError } from './errors.js';
import { normaliseIdentifier, type NormaliseOptions } from './normalise.js';
import { PersonIdentifiersSchema, type IdentifierInput, type PersonIdentifiers } from './schema.js';

const VERSION = 'lt1';
const MIN_SECRET_LENGTH = 32;

function assertStrongSecret(secret: unknown): asserts secret is string {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new LinkTokenError('weak_secret');
  }
}

/**
 * `lt1.<kind>.<base64url(HMAC-SHA256(secret, canonical))>`. The secret is the
 * partnership secret (CONVENE_LINK_SECRET), passed in by the caller.
 */
export function linkToken(secret: string, input: IdentifierInput, options: NormaliseOptions = {}): string {
  assertStrongSecret(secret);
  const canonical = normaliseIdentifier(input, options);
  const mac = createHmac('sha256', secret).update(canonical, 'utf8').digest('base64url');
  return `${VERSION}.${input.kind}.${mac}`;
}

const known = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Every token derivable from what is known about a person, in the order
 * nhs, pnc, nd, dp, deduplicated. Absent or blank fields are "not known";
 * a supplied but invalid field throws (bad data is never silently dropped).
 */
export function linkTokensFor(secret: string, person: PersonIdentifiers, options: NormaliseOptions = {}): string[] {
  assertStrongSecret(secret);
  const parsed = PersonIdentifiersSchema.safeParse(person);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new LinkTokenError('invalid_input', `fields: ${paths}`);
  }
  const p = parsed.data;
  const inputs: IdentifierInput[] = [];
  if (known(p.nhsNumber)) inputs.push({ kind: 'nhs', nhsNumber: p.nhsNumber });
  if (known(p.pncId)) inputs.push({ kind: 'pnc', pncId: p.pncId });
  if (known(p.given) && known(p.family) && known(p.dateOfBirth)) {
    inputs.push({ kind: 'nd', given: p.given, family: p.family, dateOfBirth: p.dateOfBirth });
  }
  if (known(p.dateOfBirth) && known(p.postcode)) {
    inputs.push({ kind: 'dp', dateOfBirth: p.dateOfBirth, postcode: p.postcode });
  }
  return [...new Set(inputs.map((input) => linkToken(secret, input, options)))];
}
