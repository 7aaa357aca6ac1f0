/**
 * Secrets for the local demo and tests only. A real partnership sets its own CONVENE_JWT_SECRET and
 * CONVENE_LINK_SECRET (or an OIDC provider); these are published in the repository and protect nothing.
 */
export const DEV_JWT_SECRET = 'convene-local-development-jwt-secret-not-for-production';
export const DEV_LINK_SECRET = 'convene-local-development-link-secret-not-for-production';

export function devEnvironment(overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    CONVENE_JWT_SECRET: process.env.CONVENE_JWT_SECRET ?? DEV_JWT_SECRET,
    CONVENE_LINK_SECRET: process.env.CONVENE_LINK_SECRET ?? DEV_LINK_SECRET,
    ...overrides,
  };
}
