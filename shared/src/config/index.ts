import { z } from 'zod';
import { tokenIssuerCheck } from './tokenIssuer.js';

export { tokenIssuerCheck };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const commaList = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)).pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, 'expected host:port')).min(1));

/** Settings every service reads. Each service extends this with its own. */
export const baseConfigShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  KAFKA_BROKERS: commaList.default(['127.0.0.1:9092']),
  /** Prefix for every topic name; lets a test run or a shared cluster keep its own topics. */
  KAFKA_TOPIC_PREFIX: z.string().regex(/^[a-z0-9_-]*$/).default(''),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(100).default(6),
  /** Copies of each topic the services create: 1 on one broker; 3 on a cluster (docker-compose.scale.yml). */
  KAFKA_TOPIC_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
  MONGO_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'expected a mongodb:// URL').default('mongodb://127.0.0.1:27017'),
  /** Suffix for the database name; lets tests run each service on a database of its own. */
  MONGO_DB_SUFFIX: z.string().regex(/^[a-z0-9_]*$/).default(''),
  /**
   * What each instance mirrors in memory so requests and live rounds read nothing (an agency's open listings and
   * people's tokens, the conference's running meetings): a change made through another instance of the same
   * service is seen within this time.
   */
  PEER_REFRESH_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  CONVENE_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  CONVENE_OIDC_ISSUER: z.url().optional(),
  CONVENE_OIDC_JWKS_URL: z.url().optional(),
  CONVENE_JWT_AUDIENCE: z.string().default('convene'),
  /**
   * Signs the heads of the service's audit chain published to the anchor topic (shared/src/audit); the
   * database never holds it, so a chain rewritten there cannot be re-anchored. Unset: no anchoring.
   */
  CONVENE_AUDIT_ANCHOR_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'must be at least 32 characters').optional()),
  CONVENE_UI_ORIGIN: z.url().default('http://127.0.0.1:4100'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * The bearer token a Prometheus scraper sends for `GET /metrics`. Unset, there is no /metrics at all.
   * Empty counts as unset, so compose can pass `${CONVENE_METRICS_TOKEN:-}` through.
   */
  CONVENE_METRICS_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'must be at least 32 characters').regex(/^[A-Za-z0-9._~+/=-]+$/, 'letters, digits and ._~+/=- only (it travels in an Authorization header)').optional()),
};

/** Agencies (not the conference) also hold the partnership secret for link tokens. */
export const linkSecretShape = {
  CONVENE_LINK_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** How far back a research return looks. */
  RESEARCH_WINDOW_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
};

/** A rule across several variables, checked on the raw environment: each problem as `VARIABLE: what to do`. */
export type ConfigCheck = (env: NodeJS.ProcessEnv) => string[];

/**
 * Parse the environment once at start-up; list every bad variable at once, never echoing secret values.
 * `checks` add a service's own cross-variable rules, reported together with every other problem.
 */
export function loadConfig<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env, checks: ConfigCheck[] = []): z.infer<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`);
  // Every service verifies tokens, so every service needs an issuer; checked on the raw environment so it is reported with any other problem.
  for (const check of [tokenIssuerCheck, ...checks]) problems.push(...check(env));
  if (problems.length > 0 || !result.success) throw new ConfigError(problems);
  return result.data as z.infer<z.ZodObject<S>>;
}
