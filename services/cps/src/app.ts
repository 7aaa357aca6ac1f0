import type { Express } from 'express';
import { createBaseApp, type Runtime } from '@convene/shared/runtime';
import { mountRoutes, type RouteSpec } from '@convene/shared/http';
import { statisticsRoutes } from '@convene/shared/statistics';
import { openApiRoute, type AgencyKit, auditReads } from '@convene/shared/agency';
import type { Config } from './config.js';
import { cpsStatistics } from './statistics/index.js';
import type { CpsRecords } from './db/records.js';
import { cpsPolicy } from './domain/policy.js';
import { historyRequestRoutes } from './http/historyRequests.js';
import { chargingRoutes } from './http/charging.js';
import { hearingRoutes } from './http/hearings.js';
import { orderRoutes } from './http/orders.js';

export interface AppDeps {
  config: Config;
  runtime: Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken'>;
  kit: AgencyKit;
  records: CpsRecords;
}

export function cpsRoutes(kit: AgencyKit, records: CpsRecords, historyWindowMaxMonths: number): RouteSpec[] {
  const deps = { kit, records, historyWindowMaxMonths };
  return [
    ...kit.routes,
    ...historyRequestRoutes(deps),
    ...chargingRoutes(deps),
    ...hearingRoutes(deps),
    ...orderRoutes(deps),
    ...statisticsRoutes(cpsStatistics(kit)),
  ];
}

/** The CPS service's HTTP API, without listening or connecting: testable in-process. */
export function createApp({ config, runtime, kit, records }: AppDeps): Express {
  const routes = auditReads(cpsRoutes(kit, records, config.HISTORY_WINDOW_MAX_MONTHS), kit.audit);
  const docs = openApiRoute({
    title: 'Convene CPS service', version: '1.0.0', serverUrl: `http://127.0.0.1:${config.PORT}`,
    description: 'History check requests, charging decisions, hearings, case outcomes, restraining orders and bail conditions. Requests go to the conference at once; records about people on an open listing are shared with the conference as events.',
  }, routes);
  return createBaseApp({
    service: 'cps',
    logger: runtime.logger,
    metrics: runtime.metrics,
    health: runtime.health,
    uiOrigin: config.CONVENE_UI_ORIGIN,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    routers: [mountRoutes([...routes, docs], { verifyToken: runtime.verifyToken, policy: cpsPolicy })],
  });
}
