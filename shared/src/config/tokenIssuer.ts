import type { ConfigCheck } from './index.js';

/**
 * Every service verifies sign-in tokens, so it must know whose: the partnership's OIDC provider (issuer and
 * its key set, both) or the local development issuer's secret. There is no default: a service that could
 * verify nothing would refuse every request, and one that guessed would accept the wrong tokens.
 */
export const tokenIssuerCheck: ConfigCheck = (env) => {
  const secret = Boolean(env.CONVENE_JWT_SECRET);
  const issuer = Boolean(env.CONVENE_OIDC_ISSUER);
  const jwks = Boolean(env.CONVENE_OIDC_JWKS_URL);
  if (!secret && !issuer && !jwks) {
    return ['CONVENE_OIDC_ISSUER or CONVENE_JWT_SECRET: nothing to verify sign-in tokens with: set CONVENE_OIDC_ISSUER and CONVENE_OIDC_JWKS_URL (the partnership\'s OpenID Connect provider), or CONVENE_JWT_SECRET (32+ characters; the local development issuer)'];
  }
  if (jwks && !issuer) return ['CONVENE_OIDC_ISSUER: required with CONVENE_OIDC_JWKS_URL: the provider\'s issuer URL, exactly as its tokens\' iss'];
  if (issuer && !jwks) return ['CONVENE_OIDC_JWKS_URL: required with CONVENE_OIDC_ISSUER: the provider\'s JSON Web Key Set, which its tokens are verified against'];
  return [];
};
