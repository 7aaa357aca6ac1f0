import type { Express } from 'express';
import { createBaseApp, type Runtime } from '@convene/shared/runtime';
import { mountRoutes, type RouteSpec } from '@convene/shared/http';
import { openApiRoute } from '@convene/shared/agency';
import type { Config } from './config.js';
import type { ConferenceService } from './wiring.js';
import { conferencePolicy } from './domain/policy.js';
import { meetingRoutes } from './http/meetings.js';
import { caseRoutes } from './http/cases.js';
import { historyCheckRoutes } from './http/historyChecks.js';
import type { ConferenceDeps } from './http/deps.js';

export interface AppDeps {
  config: Config;
  runtime: Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken'>;
  service: ConferenceService;
  now?: () => Date;
}

export function conferenceRoutes(deps: ConferenceDeps): RouteSpec[] {
  return [...meetingRoutes(deps), ...caseRoutes(deps), ...historyCheckRoutes(deps)];
}

/** The conference service's HTTP API, without listening or connecting: testable in-process. */
export function createApp({ config, runtime, service, now }: AppDeps): Express {
  const routes = conferenceRoutes({
    cases: service.cases, meetings: service.meetings, chronologies: service.chronologies, recorder: service.recorder, audit: service.audit,
    repeatWindowMonths: config.REPEAT_WINDOW_MONTHS, ...(now ? { now } : {}),
  });
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
    routers: [mountRoutes([...routes, docs], { verifyToken: runtime.verifyToken, policy: conferencePolicy })],
  });
}
