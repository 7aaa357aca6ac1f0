import type { Recorded } from '../api/agencies';

/** Whether a record went to the partnership now, in words. */
export const sharedNote = (r: Recorded) =>
  r.published ? `Shared with the partnership${r.caseRef ? ` on case ${r.caseRef}` : ''}.` : 'Kept by your agency: no one involved is on an open listing.';
