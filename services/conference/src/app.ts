import type { Express } from 'express';
import { createBaseApp, type Runtime } from '@convene/shared/runtime';
import { mountRoutes, type RouteSpec } from '@convene/shared/http';
import { openApiRoute } from '@convene/shared/agency';
import type { Config } from './config.js';
import type { ConferenceService } from './wiring.js';
import { conferencePolicy } from './domain/policy.js';
import { meetingRoutes } from './http/meetings.js';
import { minutesRoutes } from './http/minutes.js';
import { caseRoutes } from './http/cases.js';
import { historyCheckRoutes } from './http/historyChecks.js';
import { scrutinyRoutes } from './http/scrutiny.js';
import type { ConferenceDeps } from './http/deps.js';
import { devSignInRouter } from './http/devSignIn.js';
import { webConfigRoute } from './http/webConfig.js';
import { DEFAULT_WEB_DIST, mountWebUi } from './web/static.js';

export interface AppDeps {
  config: Config;
  runtime: Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken'>;
  service: ConferenceService;
  now?: () => Date;
}

export function conferenceRoutes(deps: ConferenceDeps): RouteSpec[] {
  return [...meetingRoutes(deps), ...minutesRoutes(deps), ...caseRoutes(deps), ...historyCheckRoutes(deps)];
}

/** The conference service's HTTP API, without listening or connecting: testable in-process. */
export function createApp({ config, runtime, service, now }: AppDeps): Express {
  const routes = conferenceRoutes({
    cases: service.cases, meetings: service.meetings, chronologies: service.chronologies, recorder: service.recorder, audit: service.audit,
    areas: service.areas, repeatWindowMonths: config.REPEAT_WINDOW_MONTHS, caseAccessAfterMeetingDays: config.CASE_ACCESS_AFTER_MEETING_DAYS,
    retention: { defaultDays: config.CASE_RETENTION_DAYS, maxDays: config.CASE_RETENTION_MAX_DAYS }, ...(now ? { now } : {}),
  });
  routes.push(...scrutinyRoutes({ scrutiny: service.scrutiny, audit: service.audit, ...(now ? { now } : {}) }));
  // The web UI's plumbing: agency addresses and how people sign in (public).
  routes.push(webConfigRoute(config));
  const docs = openApiRoute({
    title: 'Convene conference service', version: '1.0.0', serverUrl: `http://127.0.0.1:${config.PORT}`,
    description: 'Meetings, the joined-up view of listed cases with course-of-conduct signals, decisions and actions, and CPS history-check chronologies. Live updates are pushed over socket.io on the /meetings namespace.',
  }, routes);
  return createBaseApp({
    service: 'conference',
    logger: runtime.logger,
    metrics: runtime.metrics,
    health: runtime.health,
    uiOrigin: config.CONVENE_UI_ORIGIN,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    routers: [
      mountRoutes([...routes, docs], { verifyToken: runtime.verifyToken, policy: conferencePolicy }),
      // Sign-in for the demo partnership (never in production).
      devSignInRouter({ nodeEnv: config.NODE_ENV, enabled: config.CONVENE_DEV_SIGNIN, jwtSecret: config.CONVENE_JWT_SECRET, audience: config.CONVENE_JWT_AUDIENCE, areas: service.areas }),
    ],
    // The built UI, when there is one; before the API's helmet, because it sets its own CSP.
    before: (app) => void mountWebUi(app, {
      distDir: config.CONVENE_WEB_DIST ?? DEFAULT_WEB_DIST,
      // The agencies' APIs, and the OIDC provider's discovery document and token endpoint (on the issuer's origin).
      connectOrigins: [
        config.CONVENE_POLICE_URL, config.CONVENE_CPS_URL, config.CONVENE_HEALTH_URL, config.CONVENE_ADVOCACY_URL,
        ...(config.CONVENE_OIDC_ISSUER && config.CONVENE_OIDC_CLIENT_ID ? [config.CONVENE_OIDC_ISSUER] : []),
      ].map((u) => new URL(u).origin),
    }),
  });
}
