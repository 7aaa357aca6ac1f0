import type { Express } from 'express';
import { createBaseApp, type Runtime } from '@convene/shared/runtime';
import { mountRoutes, type RouteSpec } from '@convene/shared/http';
import { statisticsRoutes } from '@convene/shared/statistics';
import { openApiRoute, type AgencyKit, auditReads } from '@convene/shared/agency';
import { referralRoutes } from '@convene/shared/partnership';
import type { Config } from './config.js';
import { healthStatistics } from './statistics/index.js';
import type { HealthRecords } from './db/records.js';
import { healthPolicy } from './domain/policy.js';
import { concernRoutes } from './http/concerns.js';
import { fhirRoutes } from './http/fhir.js';
import { disclosureRoutes } from './http/disclosures.js';

export interface AppDeps {
  config: Config;
  runtime: Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken'>;
  kit: AgencyKit;
  records: HealthRecords;
}

export function healthRoutes(kit: AgencyKit, records: HealthRecords): RouteSpec[] {
  const deps = { kit, records };
  return [
    ...kit.routes,
    ...concernRoutes(deps),
    ...fhirRoutes(deps),
    ...disclosureRoutes(deps),
    ...referralRoutes(kit, ['health_concern', 'professional_judgement', 'high_risk']),
    ...statisticsRoutes(healthStatistics(kit)),
  ];
}

/** The health service's HTTP API, without listening or connecting: testable in-process. */
export function createApp({ config, runtime, kit, records }: AppDeps): Express {
  const routes = auditReads(healthRoutes(kit, records), kit.audit);
  const docs = openApiRoute({
    title: 'Convene health service', version: '1.0.0', serverUrl: `http://127.0.0.1:${config.PORT}`,
    description: 'Health concerns (also as FHIR R4 Flags), the Caldicott disclosure queue and referrals. Only the minimal flag (category, severity, contact) is shared; clinical detail leaves the service only through a recorded disclosure decision.',
  }, routes);
  return createBaseApp({
    service: 'health',
    logger: runtime.logger,
    metrics: runtime.metrics,
    health: runtime.health,
    uiOrigin: config.CONVENE_UI_ORIGIN,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    routers: [mountRoutes([...routes, docs], { verifyToken: runtime.verifyToken, policy: healthPolicy })],
  });
}
