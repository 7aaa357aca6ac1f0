import { SignJWT } from 'jose';
import type { Principal } from './principal.js';
import { LOCAL_ISSUER } from './verifier.js';

/** The local development issuer: signs HS256 tokens with CONVENE_JWT_SECRET. Never used with OIDC. */
export async function issueLocalToken(secret: string, principal: Principal, options: { audience?: string; expiresIn?: string } = {}): Promise<string> {
  return new SignJWT({ ...principal })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(options.audience ?? 'convene')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(secret));
}
