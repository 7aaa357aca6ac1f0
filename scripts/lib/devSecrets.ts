/**
 * Secrets for the local demo and tests only. A real partnership sets its own CONVENE_JWT_SECRET and
 * CONVENE_LINK_SECRET (or an OIDC provider); these are published in the repository and protect nothing.
 */
export const DEV_JWT_SECRET = 'convene-local-development-jwt-secret-not-for-production';
export const DEV_LINK_SECRET = 'convene-local-development-link-secret-not-for-production';
/** What a scraper sends for GET /metrics in the demo and tests (`Authorization: Bearer …`). */
export const DEV_METRICS_TOKEN = 'convene-local-development-metrics-token-not-for-production';
/** Signs the audit chains' anchored heads in the demo (tests that need anchoring set their own). */
export const DEV_AUDIT_ANCHOR_KEY = 'convene-local-development-audit-anchor-key-not-for-production';

/**
 * The environment of the demo partnership: published secrets, and the development sign-in switched on, which
 * no service ever does by itself. A test that wants it off passes `CONVENE_DEV_SIGNIN: undefined`.
 */
export function devEnvironment(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    CONVENE_JWT_SECRET: process.env.CONVENE_JWT_SECRET ?? DEV_JWT_SECRET,
    CONVENE_LINK_SECRET: process.env.CONVENE_LINK_SECRET ?? DEV_LINK_SECRET,
    CONVENE_METRICS_TOKEN: process.env.CONVENE_METRICS_TOKEN ?? DEV_METRICS_TOKEN,
    CONVENE_DEV_SIGNIN: 'true',
    ...overrides,
  };
}
