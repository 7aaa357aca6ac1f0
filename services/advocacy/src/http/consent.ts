import { z } from 'zod';
import { defineRoute, type RouteSpec } from '@convene/shared/http';
import { AudienceEntry, ConsentLevel, PartnerAgency } from '@convene/shared/contracts';
import { consentRuling } from '../domain/consent.js';
import type { AdvocacyDeps } from './deps.js';

const ConsentView = z.object({
  personId: z.uuid(),
  consent: z.union([ConsentLevel, z.literal('not_recorded')]),
  engagementRef: z.string().optional(),
  givenOn: z.string().optional(),
  limitedTo: z.array(PartnerAgency),
  revokedOn: z.string().optional(),
  /** What that means for sharing now: nothing, a named audience only, or as the advocate chooses. */
  sharing: z.enum(['withheld', 'restricted', 'shared']),
  audience: z.array(AudienceEntry).optional(),
});

/** The consent register, as an advocate reads it for one person. */
export function consentRoutes({ kit, records }: AdvocacyDeps): RouteSpec[] {
  return [
    defineRoute({
      method: 'get', path: '/consent/:personId', operationId: 'getConsent', tag: 'consent', permission: 'consent.read',
      summary: 'A victim\'s current consent to share and what it allows', params: z.object({ personId: z.uuid() }), errors: [404],
      success: { status: 200, description: 'The consent state', schema: ConsentView },
      handler: async ({ params }) => {
        const person = await kit.people.get(params.personId);
        const held = await records.consents.forTokens(person.tokens);
        const ruling = consentRuling(held.length > 0 ? held.map((h) => h.current) : [undefined]);
        const own = held.find((h) => h._id === person._id) ?? held[0];
        const c = own?.current;
        return {
          personId: person._id,
          consent: c?.level ?? 'not_recorded',
          ...(c ? { engagementRef: c.engagementRef, givenOn: c.givenOn } : {}),
          limitedTo: c?.limitedTo ?? [],
          ...(c?.revokedOn ? { revokedOn: c.revokedOn } : {}),
          sharing: !ruling.share ? 'withheld' : ruling.audience ? 'restricted' : 'shared',
          ...(ruling.share && ruling.audience ? { audience: ruling.audience } : {}),
        };
      },
    }),
  ];
}
