import { LinkTokenError } from './errors.js';

// Outward code A9, A99, AA9, AA99, A9A or AA9A; inward code digit + two letters.
// GIR 0AA is the one historic exception to the shape.
const SHAPE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** A postcode as the documents state it (upper case, one space or none): every value it allows is accepted. */
export const POSTCODE_PATTERN = '^(?:[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|GIR ?0AA)$';

/** "sw1a1aa" → "SW1A 1AA"; throws `invalid_postcode`. */
export function normalisePostcode(raw: string): string {
  const compact = raw.replace(/\s/g, '').toUpperCase();
  if (compact === 'GIR0AA') return 'GIR 0AA';
  const match = SHAPE.exec(compact);
  if (!match) throw new LinkTokenError('invalid_postcode');
  const [, outward = '', inward = ''] = match;
  return `${outward} ${inward}`;
}
