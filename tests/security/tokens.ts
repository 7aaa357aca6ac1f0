import { SignJWT } from 'jose';
import { issueLocalToken, LOCAL_ISSUER, type Principal } from '@convene/shared/auth';
import { DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';
import { MATRIX_ROLES, PRINCIPALS, type MatrixRole } from './principals.js';

export function tokenOf(principal: Principal): Promise<string> {
  return issueLocalToken(DEV_JWT_SECRET, principal, { expiresIn: '30m' });
}

export async function roleTokens(): Promise<Record<MatrixRole, string>> {
  return Object.fromEntries(await Promise.all(MATRIX_ROLES.map(async (r) => [r, await tokenOf(PRINCIPALS[r])]))) as Record<MatrixRole, string>;
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const key = (secret: string) => new TextEncoder().encode(secret);
const now = () => Math.floor(Date.now() / 1000);

function signed(principal: Principal, claims: { issuer?: string; audience?: string; iat?: number; exp?: number | null; alg?: string; secret?: string }) {
  let jwt = new SignJWT({ ...principal })
    .setProtectedHeader({ alg: claims.alg ?? 'HS256', typ: 'JWT' })
    .setSubject(principal.sub)
    .setIssuer(claims.issuer ?? LOCAL_ISSUER)
    .setAudience(claims.audience ?? 'convene')
    .setIssuedAt(claims.iat ?? now());
  if (claims.exp !== null) jwt = jwt.setExpirationTime(claims.exp ?? now() + 600);
  return jwt.sign(key(claims.secret ?? DEV_JWT_SECRET));
}

/**
 * Tokens every service must refuse with 401, each for a caller the policy would otherwise let in (so a
 * 403 or a 2xx means the token was accepted). `alg: none` is assembled by hand: no library signs one.
 */
export async function badTokens(principal: Principal = PRINCIPALS.chair): Promise<Record<string, string>> {
  const payload = { ...principal, iss: LOCAL_ISSUER, aud: 'convene', iat: now(), exp: now() + 600 };
  const good = await signed(principal, {});
  const [header, body] = good.split('.');
  return {
    expired: await signed(principal, { iat: now() - 7200, exp: now() - 3600 }),
    'wrongly signed': await signed(principal, { secret: 'an-entirely-different-secret-of-at-least-32-chars' }),
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`,
    'alg none, no dot': `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}`,
    'alg None (case)': `${b64({ alg: 'None', typ: 'JWT' })}.${b64(payload)}.`,
    'HS512 with the right secret': await signed(principal, { alg: 'HS512' }),
    'other audience': await signed(principal, { audience: 'some-other-system' }),
    'other issuer': await signed(principal, { issuer: 'https://evil.example' }),
    'not yet valid (iat far ahead)': await new SignJWT({ ...principal }).setProtectedHeader({ alg: 'HS256' }).setIssuer(LOCAL_ISSUER).setAudience('convene')
      .setNotBefore(now() + 3600).setExpirationTime(now() + 7200).sign(key(DEV_JWT_SECRET)),
    'payload swapped (signature of another)': `${header}.${b64({ ...payload, role: 'chair', sub: 'mallory' })}.${good.split('.')[2]}`,
    'no role or agency claims': await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(LOCAL_ISSUER).setAudience('convene')
      .setExpirationTime(now() + 600).sign(key(DEV_JWT_SECRET)),
    'no expiry': await signed(principal, { exp: null }),
    'unknown role claim': await signed({ ...principal, role: 'superuser' as never }, {}),
    garbage: 'not-a-jwt',
    'three garbage parts': 'a.b.c',
    'header only': `${header}`,
    'body tampered': `${header}.${body}x.${good.split('.')[2]}`,
  };
}

