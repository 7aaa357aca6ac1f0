import type { Express } from 'express';
import { createBaseApp, type Runtime } from '@convene/shared/runtime';
import { mountRoutes, type RouteSpec } from '@convene/shared/http';
import { statisticsRoutes } from '@convene/shared/statistics';
import { openApiRoute, type AgencyKit, auditReads } from '@convene/shared/agency';
import { referralRoutes } from '@convene/shared/partnership';
import type { Config } from './config.js';
import { policeStatistics } from './statistics/index.js';
import type { PoliceRecords } from './db/records.js';
import { policePolicy } from './domain/policy.js';
import { incidentRoutes } from './http/incidents.js';
import { riskAssessmentRoutes } from './http/riskAssessments.js';
import { orderRoutes } from './http/orders.js';
import { justiceRoutes } from './http/justice.js';

export interface AppDeps {
  config: Config;
  runtime: Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken'>;
  kit: AgencyKit;
  records: PoliceRecords;
}

export function policeRoutes(kit: AgencyKit, records: PoliceRecords): RouteSpec[] {
  const deps = { kit, records };
  return [
    ...kit.routes,
    ...incidentRoutes(deps),
    ...riskAssessmentRoutes(deps),
    ...justiceRoutes(deps),
    ...orderRoutes(deps),
    ...referralRoutes(kit, ['high_risk', 'professional_judgement', 'repeat_within_12_months', 'escalation']),
    ...statisticsRoutes(policeStatistics(kit)),
  ];
}

/** The police service's HTTP API, without listening or connecting: testable in-process. */
export function createApp({ config, runtime, kit, records }: AppDeps): Express {
  const routes = auditReads(policeRoutes(kit, records), kit.audit);
  const docs = openApiRoute({
    title: 'Convene police service', version: '1.0.0', serverUrl: `http://127.0.0.1:${config.PORT}`,
    description: 'Incidents, DASH risk assessments, classifications, arrests, bail, Stalking Protection Orders and referrals. Records about people on an open listing are shared with the conference as events.',
  }, routes);
  return createBaseApp({
    service: 'police',
    logger: runtime.logger,
    metrics: runtime.metrics,
    health: runtime.health,
    uiOrigin: config.CONVENE_UI_ORIGIN,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    routers: [mountRoutes([...routes, docs], { verifyToken: runtime.verifyToken, policy: policePolicy })],
  });
}
