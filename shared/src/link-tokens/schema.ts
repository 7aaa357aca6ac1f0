import { z } from 'zod';

// Shapes only; the values are validated (with typed, non-echoing errors) by
// normaliseIdentifier. Length caps bound the work done on hostile input.
const field = (max: number) => z.string().max(max);

export const IdentifierInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nhs'), nhsNumber: field(32) }),
  z.object({ kind: z.literal('pnc'), pncId: field(32) }),
  z.object({ kind: z.literal('nd'), given: field(200), family: field(200), dateOfBirth: field(32) }),
  z.object({ kind: z.literal('dp'), dateOfBirth: field(32), postcode: field(16) }),
]);

export type IdentifierInput = z.infer<typeof IdentifierInputSchema>;
export type LinkTokenKind = IdentifierInput['kind'];

/** Whatever is known about a person; every derivable token is produced. */
export const PersonIdentifiersSchema = z.object({
  nhsNumber: field(32).optional(),
  pncId: field(32).optional(),
  given: field(200).optional(),
  family: field(200).optional(),
  dateOfBirth: field(32).optional(),
  postcode: field(16).optional(),
});

export type PersonIdentifiers = z.infer<typeof PersonIdentifiersSchema>;

/** `lt1.<kind>.<base64url HMAC-SHA256>` — 32 bytes encode to 43 characters. */
export const LinkToken = z.string().regex(/^lt1\.(nhs|pnc|nd|dp)\.[A-Za-z0-9_-]{43}$/);
export type LinkToken = z.infer<typeof LinkToken>;
