import { z } from 'zod';
import type { Principal } from '@convene/shared/auth';
import { AreaId } from '@convene/shared/contracts';
import { DomainError, forbidden } from '@convene/shared/errors';

/** One area this conference serves: its own chair, members, cases and meetings, and a coordinator to contact. */
export const AreaConfig = z.object({
  id: AreaId,
  name: z.string().trim().min(1).max(80),
  /** How another area's chair reaches this area's coordinator (an office address or phone): never a case's content. */
  contact: z.string().trim().min(1).max(200),
});
export type AreaConfig = z.infer<typeof AreaConfig>;

export const AreasConfig = z.array(AreaConfig).min(1).max(50)
  .refine((areas) => new Set(areas.map((a) => a.id)).size === areas.length, 'each area id once');

export const DEFAULT_AREAS: AreaConfig[] = [{ id: 'local', name: 'Local stalking clinic', contact: 'the clinic coordinator' }];

/** The areas of a deployment, and where a person, a case and a meeting belong among them. */
export function areasOf(configured: readonly AreaConfig[]) {
  const byId = new Map(configured.map((a) => [a.id, a]));
  const first = configured[0]!;
  return {
    all: configured,
    get: (id: string) => byId.get(id),
    /** Where a case or meeting recorded before areas, or naming an area no longer served, belongs: the first area. */
    placeOf: (area: string | null | undefined): string => (area && byId.has(area) ? area : first.id),
    /**
     * The area a person works in: their token's claim, which must be one this conference serves. A token without
     * one is accepted only where there is a single area; with several, nobody is placed in one by default.
     */
    /** An area a request names (`body.toArea`): one this conference serves, or a 400 naming the field. */
    served(id: string): string {
      if (!byId.has(id)) throw new DomainError('unknown_area', `this conference serves no area "${id}"`, { status: 400, field: 'body.toArea' });
      return id;
    },
    /** Judging access: the area of what is asked for, and the asker's. */
    judge(principal: Principal, held: string | null | undefined) {
      return { held: this.placeOf(held), viewer: this.ofPrincipal(principal) };
    },
    ofPrincipal(principal: Principal): string {
      if (principal.area !== undefined) {
        if (!byId.has(principal.area)) throw forbidden(`your sign-in names area "${principal.area}", which this conference does not serve`);
        return principal.area;
      }
      if (configured.length > 1) throw forbidden('your sign-in names no area, and this conference serves several: ask for a token with your area');
      return first.id;
    },
  };
}
export type Areas = ReturnType<typeof areasOf>;
