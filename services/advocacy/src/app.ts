import type { Express } from 'express';
import { createBaseApp, type Runtime } from '@convene/shared/runtime';
import { mountRoutes, type RouteSpec } from '@convene/shared/http';
import { statisticsRoutes } from '@convene/shared/statistics';
import { openApiRoute, type AgencyKit, auditReads } from '@convene/shared/agency';
import { referralRoutes } from '@convene/shared/partnership';
import type { Config } from './config.js';
import { advocacyStatistics } from './statistics/index.js';
import type { AdvocacyRecords } from './db/records.js';
import { advocacyPolicy } from './domain/policy.js';
import { engagementRoutes } from './http/engagements.js';
import { consentRoutes } from './http/consent.js';
import { victimRecordRoutes } from './http/victimRecords.js';
import { diaryRoutes } from './http/diary.js';

export interface AppDeps {
  config: Config;
  runtime: Pick<Runtime, 'logger' | 'metrics' | 'health' | 'verifyToken'>;
  kit: AgencyKit;
  records: AdvocacyRecords;
}

export function advocacyRoutes(kit: AgencyKit, records: AdvocacyRecords): RouteSpec[] {
  const deps = { kit, records };
  return [
    ...kit.routes,
    ...engagementRoutes(deps),
    ...consentRoutes(deps),
    ...victimRecordRoutes(deps),
    ...diaryRoutes(deps),
    ...referralRoutes(kit, ['victim_request', 'professional_judgement', 'high_risk']),
    ...statisticsRoutes(advocacyStatistics(kit)),
  ];
}

/** The advocacy service's HTTP API, without listening or connecting: testable in-process. */
export function createApp({ config, runtime, kit, records }: AppDeps): Express {
  const routes = auditReads(advocacyRoutes(kit, records), kit.audit);
  const docs = openApiRoute({
    title: 'Convene advocacy service', version: '1.0.0', serverUrl: `http://127.0.0.1:${config.PORT}`,
    description: 'Independent stalking advocacy (ISAC): engagements and the victim\'s consent to share, their own view of risk and wishes, safety plans, their incident diary, and referrals. The victim\'s consent governs what is shared: none or revoked shares nothing, limited shares only with the agencies they named and the chair.',
  }, routes);
  return createBaseApp({
    service: 'advocacy',
    logger: runtime.logger,
    metrics: runtime.metrics,
    health: runtime.health,
    uiOrigin: config.CONVENE_UI_ORIGIN,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    routers: [mountRoutes([...routes, docs], { verifyToken: runtime.verifyToken, policy: advocacyPolicy })],
  });
}
