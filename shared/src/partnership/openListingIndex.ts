import type { Subject } from '../contracts/index.js';
import { identifying } from '../sharing/index.js';
import { idsByKey } from '../mongo/idsByKey.js';
import type { Listing } from './listings.js';

/**
 * The open listings an agency instance holds in memory, indexed by token: which case a new record streams to
 * is then answered without a database read. Pure; `listings.ts` keeps it in step with the database.
 */
export interface OpenListingIndex {
  put(listing: Listing): void;
  remove(caseRef: string): void;
  /** The most recently listed open case these subjects stream to (the rule is `Listings.openFor`'s). */
  openFor(subjects: readonly Subject[]): Listing | undefined;
}

export function openListingIndex(listings: Iterable<Listing> = []): OpenListingIndex {
  const byRef = new Map<string, Listing>();
  const byToken = idsByKey();
  const byVictimToken = idsByKey();

  const index: OpenListingIndex = {
    put(listing) {
      index.remove(listing._id);
      if (!listing.open) return;
      // Stored before victim tokens were kept, a listing has none: it streams nothing naming a victim, as before.
      const held = { ...listing, tokens: listing.tokens ?? [], victimTokens: listing.victimTokens ?? [] };
      byRef.set(listing._id, held);
      byToken.add(held.tokens, listing._id);
      byVictimToken.add(held.victimTokens, listing._id);
    },
    remove(caseRef) {
      const old = byRef.get(caseRef);
      if (!old) return;
      byRef.delete(caseRef);
      byToken.remove(old.tokens, caseRef);
      byVictimToken.remove(old.victimTokens, caseRef);
    },
    openFor(subjects) {
      // A shared date-of-birth-and-postcode token (twins at one address) never decides whose listing it is.
      const named = subjects.filter((s) => s.role === 'victim');
      const victims = identifying(named.flatMap((s) => s.tokens));
      if (named.length > 0 && victims.length === 0) return undefined;
      const tokens = victims.length > 0 ? victims : identifying(subjects.flatMap((s) => s.tokens));
      const within = victims.length > 0 ? byVictimToken : byToken;
      let latest: Listing | undefined;
      for (const token of tokens) {
        for (const caseRef of within.get(token) ?? []) {
          const listing = byRef.get(caseRef)!;
          if (!latest || listing.listedAt.getTime() > latest.listedAt.getTime()) latest = listing;
        }
      }
      return latest;
    },
  };
  for (const listing of listings) index.put(listing);
  return index;
}
