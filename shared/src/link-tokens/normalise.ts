import { normaliseDateOfBirth } from './dates.js';
import { LinkTokenError } from './errors.js';
import { normaliseName } from './names.js';
import { normaliseNhsNumber } from './nhsNumber.js';
import { normalisePncId } from './pnc.js';
import { normalisePostcode } from './postcode.js';
import { IdentifierInputSchema, type IdentifierInput } from './schema.js';

export interface NormaliseOptions {
  /** Reference time for the "date of birth not in the future" check; default now. */
  now?: Date;
}

/**
 * Canonical, kind-prefixed form of an identifier — the exact string that is
 * HMACed. Throws LinkTokenError on invalid input.
 *   nhs:9434765919 · pnc:12/0345678X · nd:<given>|<family>|YYYY-MM-DD · dp:YYYY-MM-DD|SW1A 1AA
 */
export function normaliseIdentifier(input: IdentifierInput, options: NormaliseOptions = {}): string {
  const parsed = IdentifierInputSchema.safeParse(input);
  if (!parsed.success) {
    // Report field paths only; zod messages are not allowed to carry values out.
    const paths = parsed.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new LinkTokenError('invalid_input', `fields: ${paths}`);
  }
  const id = parsed.data;
  switch (id.kind) {
    case 'nhs':
      return `nhs:${normaliseNhsNumber(id.nhsNumber)}`;
    case 'pnc':
      return `pnc:${normalisePncId(id.pncId)}`;
    case 'nd':
      return `nd:${normaliseName(id.given)}|${normaliseName(id.family)}|${normaliseDateOfBirth(id.dateOfBirth, options.now)}`;
    case 'dp':
      return `dp:${normaliseDateOfBirth(id.dateOfBirth, options.now)}|${normalisePostcode(id.postcode)}`;
  }
}
