import { z } from 'zod';
import { MatchDecisionCommand } from '../contracts/index.js';
import { defineRoute, type RouteSpec } from '../http/index.js';
import type { People } from './people.js';
import { MatchStatus, type PersonMatch, type PersonMatches } from './personMatches.js';
import { MatchReason } from './possibleMatch.js';
import { PersonView, personView } from './personView.js';

const MatchView = z.object({
  matchId: z.string(),
  reason: MatchReason,
  status: MatchStatus,
  people: z.array(PersonView).length(2),
  decidedBy: z.object({ userId: z.string(), displayName: z.string().optional() }).optional(),
  decidedAt: z.string().optional(),
  note: z.string().optional(),
});
const PairParams = z.object({ personId: z.uuid(), otherId: z.uuid() });

/**
 * Possible matches between people this agency holds, for its own staff to confirm or reject. Names stay in
 * the agency: a confirmed match only gives each person the other's tokens.
 */
export function matchRoutes(deps: { people: People; matches: PersonMatches }): RouteSpec[] {
  const { people, matches } = deps;
  const view = async (m: PersonMatch) => ({
    matchId: m._id, reason: m.reason, status: m.status,
    people: await Promise.all(m.personIds.map(async (id) => personView(await people.get(id)))),
    ...(m.decidedBy ? { decidedBy: { userId: m.decidedBy.userId, ...(m.decidedBy.displayName ? { displayName: m.decidedBy.displayName } : {}) } } : {}),
    ...(m.decidedAt ? { decidedAt: new Date(m.decidedAt).toISOString() } : {}),
    ...(m.note ? { note: m.note } : {}),
  });
  const decide = (decision: 'confirmed' | 'rejected') => defineRoute({
    method: 'post', path: `/people/:personId/matches/:otherId/${decision === 'confirmed' ? 'confirm' : 'reject'}`,
    operationId: decision === 'confirmed' ? 'confirmPersonMatch' : 'rejectPersonMatch', tag: 'people', permission: 'people.match',
    summary: decision === 'confirmed'
      ? 'Confirm two people held here are one: each adopts the other\'s link tokens as aliases'
      : 'Reject a possible match: the pair is not offered again',
    params: PairParams, body: MatchDecisionCommand, errors: [404, 409],
    success: { status: 200, description: 'The decision, with both people as they now are', schema: MatchView },
    handler: async ({ params, body, principal }) => view(await matches.decide({
      personId: params.personId, otherId: params.otherId, decision, note: body.reason,
      by: { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) },
    })),
  });
  return [
    defineRoute({
      method: 'get', path: '/people/possible-matches', operationId: 'listPossibleMatches', tag: 'people', permission: 'people.match',
      summary: 'People held here who may be one person (same date of birth; one slip, an initial or names swapped), awaiting a decision',
      success: { status: 200, description: 'Possible matches, oldest first', schema: z.array(MatchView) },
      handler: async () => Promise.all((await matches.offered()).map(view)),
    }),
    defineRoute({
      method: 'get', path: '/people/:personId/possible-matches', operationId: 'listPersonPossibleMatches', tag: 'people', permission: 'people.match',
      summary: 'Possible matches of one person, looked for now among people held here', params: z.object({ personId: z.uuid() }), errors: [404],
      success: { status: 200, description: 'Possible matches awaiting a decision', schema: z.array(MatchView) },
      handler: async ({ params }) => Promise.all((await matches.offerFor(await people.get(params.personId))).map(view)),
    }),
    decide('confirmed'),
    decide('rejected'),
  ];
}
