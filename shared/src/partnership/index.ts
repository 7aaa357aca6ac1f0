// What a partner agency does with the partnership, whatever its own records: the people it holds and their link
// tokens, possible matches between them, the open listings, research returns, actions, referrals, and the
// conference's feed that drives them.
export * from './listings.js';
export * from './research.js';
export * from './people.js';
export * from './actions.js';
export * from './conferenceFeed.js';
export * from './referralRoutes.js';
export * from './possibleMatch.js';
export * from './personMatches.js';
export * from './personView.js';
export * from './matchRoutes.js';
