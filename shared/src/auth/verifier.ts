import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../errors/index.js';
import { Principal } from './principal.js';

export const LOCAL_ISSUER = 'convene-local';

export interface VerifierOptions {
  /** HS256 secret of the local issuer (development and tests). */
  secret?: string | undefined;
  /** An OIDC provider's JWKS endpoint (production). */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience: string;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

export const unauthenticated = (message: string) => new DomainError('unauthenticated', message, { status: 401 });

/**
 * Verify a bearer token: signature (HS256 locally, RS256/ES256 from the OIDC provider's JWKS), expiry,
 * issuer and audience. `alg: none` and any other algorithm are refused by the allow-list.
 */
export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  let issuer: string;
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = ['RS256', 'ES256', 'PS256'];
    if (!options.issuer) throw new Error('CONVENE_OIDC_ISSUER is required with CONVENE_OIDC_JWKS_URL');
    issuer = options.issuer;
  } else if (options.secret) {
    key = new TextEncoder().encode(options.secret);
    algorithms = ['HS256'];
    issuer = LOCAL_ISSUER;
  } else {
    throw new Error('no token verification configured: set CONVENE_JWT_SECRET or CONVENE_OIDC_JWKS_URL');
  }
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, { algorithms, issuer, audience: options.audience, clockTolerance: 5, requiredClaims: ['exp'] }));
    } catch (err) {
      throw unauthenticated(`invalid token: ${(err as { code?: string }).code ?? 'verification failed'}`);
    }
    const principal = Principal.safeParse(payload);
    if (!principal.success) throw unauthenticated('token lacks agency and role claims');
    return principal.data;
  };
}
