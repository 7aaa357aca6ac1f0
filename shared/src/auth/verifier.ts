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
  const verified = new VerifiedTokens();
  return async (token) => {
    const known = verified.get(token);
    if (known) return known;
    let payload: { exp?: number };
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, { algorithms, issuer, audience: options.audience, clockTolerance: 5, requiredClaims: ['exp'] }));
    } catch (err) {
      throw unauthenticated(`invalid token: ${(err as { code?: string }).code ?? 'verification failed'}`);
    }
    const principal = Principal.safeParse(payload);
    if (!principal.success) throw unauthenticated('token lacks agency and role claims');
    verified.add(token, principal.data, payload.exp! * 1000);
    return principal.data;
  };
}

/**
 * Tokens already verified, until they expire: a client sends the same token with every request, and checking
 * its signature each time was a large share of an agency's CPU per request (docs/performance.md, B6). Only the
 * identical token string hits; a token is never trusted past its `exp`. Bounded: the oldest go first.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; expiresAt: number }>();
  constructor(private readonly max = 10_000) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  add(token: string, principal: Principal, expiresAt: number): void {
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { principal, expiresAt });
  }
}
