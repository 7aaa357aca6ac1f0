import { z } from 'zod';
import { defineRoute, type RouteSpec } from '../http/index.js';
import { CompleteActionCommand, DeclineActionCommand, RecordedView, ResearchSummaryCommand, type PartnerAgency } from '../contracts/index.js';
import { notFound } from '../errors/index.js';
import type { Listings } from '../partnership/listings.js';
import { recordedView } from './commandInput.js';
import { ACTION_STATES, type Actions, type AgencyAction } from '../partnership/actions.js';
import { matchRoutes } from '../partnership/matchRoutes.js';
import { PersonInput, type People } from '../partnership/people.js';
import type { PersonMatches } from '../partnership/personMatches.js';
import { PersonView, personView } from '../partnership/personView.js';
import type { Recorder } from '../eventlog/index.js';

const ActionView = z.object({
  actionId: z.uuid(), caseRef: z.string(), description: z.string(), dueOn: z.string(),
  status: z.enum(ACTION_STATES), outcome: z.string().optional(), note: z.string().optional().describe('Why it was declined or cancelled'),
});
const ActionIdParams = z.object({ actionId: z.uuid() });

function actionView(a: AgencyAction) {
  return { actionId: a._id, caseRef: a.caseRef, description: a.description, dueOn: a.dueOn, status: a.status, ...(a.outcome ? { outcome: a.outcome } : {}), ...(a.note ? { note: a.note } : {}) };
}

/** The people every agency holds, and the actions the conference assigns to it. */
export function commonAgencyRoutes(deps: { agency: PartnerAgency; people: People; matches: PersonMatches; actions: Actions; recorder: Recorder; listings: Listings }): RouteSpec[] {
  const { agency, people, matches, actions, recorder, listings } = deps;
  return [
    defineRoute({
      method: 'post', path: '/people', operationId: 'addPerson', tag: 'people', permission: 'people.write',
      summary: 'Record a person this agency holds; returns their local id and link tokens (possible matches among people held here are offered to staff)',
      body: PersonInput, success: { status: 201, description: 'The person, with link tokens', schema: PersonView },
      handler: async ({ body }) => {
        const person = await people.add(body);
        await matches.offerFor(person);
        return personView(person);
      },
    }),
    // Before /people/:personId, which would take "possible-matches" for an id.
    ...matchRoutes({ people, matches }),
    defineRoute({
      method: 'get', path: '/people/:personId', operationId: 'getPerson', tag: 'people', permission: 'people.read',
      summary: 'One person held by this agency', params: z.object({ personId: z.uuid() }), errors: [404],
      success: { status: 200, description: 'The person', schema: PersonView },
      handler: async ({ params }) => personView(await people.get(params.personId)),
    }),
    defineRoute({
      method: 'get', path: '/actions', operationId: 'listActions', tag: 'actions', permission: 'actions.read',
      summary: 'Actions the conference has assigned to this agency',
      query: z.object({ status: z.enum(ACTION_STATES).optional() }),
      success: { status: 200, description: 'Actions, earliest due first', schema: z.array(ActionView) },
      handler: async ({ query }) => (await actions.list(query.status)).map(actionView),
    }),
    defineRoute({
      method: 'post', path: '/actions/:actionId/accept', operationId: 'acceptAction', tag: 'actions', permission: 'actions.update',
      summary: 'Accept an assigned action (publishes action.accepted)', params: ActionIdParams, errors: [404, 409],
      success: { status: 200, description: 'The accepted action', schema: ActionView },
      handler: async ({ params, principal }) => {
        const at = new Date();
        const action = await actions.accept(params.actionId, principal.sub, at);
        await recorder.record({
          type: `${agency}.action.accepted.v1`, occurredAt: at, sharing: 'partnership', subjects: [], alwaysPublish: true, subject: action.caseRef,
          data: { actionId: action._id, caseRef: action.caseRef, acceptedBy: { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) } },
        });
        return actionView(action);
      },
    }),
    defineRoute({
      method: 'post', path: '/actions/:actionId/complete', operationId: 'completeAction', tag: 'actions', permission: 'actions.update',
      summary: 'Complete an accepted action (publishes action.completed)', params: ActionIdParams, errors: [404, 409],
      body: CompleteActionCommand,
      success: { status: 200, description: 'The completed action', schema: ActionView },
      handler: async ({ params, body, principal }) => {
        const at = new Date();
        const action = await actions.complete(params.actionId, body.outcome, at);
        await recorder.record({
          type: `${agency}.action.completed.v1`, occurredAt: at, sharing: 'partnership', subjects: [], alwaysPublish: true, subject: action.caseRef,
          data: { actionId: action._id, caseRef: action.caseRef, outcome: body.outcome, completedBy: { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) } },
        });
        return actionView(action);
      },
    }),
    defineRoute({
      method: 'post', path: '/actions/:actionId/decline', operationId: 'declineAction', tag: 'actions', permission: 'actions.update',
      summary: 'Decline an action assigned to this agency, with the reason (publishes action.declined; the chair may reassign it)', params: ActionIdParams, errors: [404, 409],
      body: DeclineActionCommand,
      success: { status: 200, description: 'The declined action', schema: ActionView },
      handler: async ({ params, body, principal }) => {
        const at = new Date();
        const action = await actions.decline(params.actionId, body.reason, at);
        await recorder.record({
          type: `${agency}.action.declined.v1`, occurredAt: at, sharing: 'partnership', subjects: [], alwaysPublish: true, subject: action.caseRef,
          data: { actionId: action._id, caseRef: action.caseRef, reason: body.reason, declinedBy: { userId: principal.sub, ...(principal.name ? { displayName: principal.name } : {}) } },
        });
        return actionView(action);
      },
    }),
    defineRoute({
      method: 'post', path: '/research-summaries', operationId: 'summariseResearch', tag: 'research', permission: 'research.write',
      summary: 'Summarise this agency\'s research on a listed case for the meeting (at most 600 characters; to the partnership or a named audience)', errors: [404],
      body: ResearchSummaryCommand,
      success: { status: 201, description: 'Recorded; published to the case (under the victim\'s consent where the agency applies it)', schema: RecordedView },
      handler: async ({ body }) => {
        const listing = await listings.byRef(body.caseRef);
        if (!listing?.open) throw notFound('open listing', body.caseRef);
        // About the case's victim, so the agency's own withhold policy (advocacy: her consent) applies to it too.
        const recorded = await recorder.record({
          type: `${agency}.research.summarised.v1`, occurredAt: new Date(), sharing: body.sharing, ...(body.audience ? { audience: body.audience } : {}),
          subjects: [{ role: 'victim', tokens: listing.victimTokens.slice(0, 16) }], subject: body.caseRef,
          data: { caseRef: body.caseRef, summary: body.summary },
        });
        return recordedView(body.caseRef, recorded);
      },
    }),
  ];
}
