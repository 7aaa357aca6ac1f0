import type { Agency, Principal, Role } from '../api/types';
import { agencyLabel, roleLabel } from '../ui/labels';
import { ASK_ADMIN, SignInError } from './errors';

/**
 * Who the access token says the person is. The payload is only decoded here: the services verify the
 * signature, issuer, audience and expiry of the token on every call, and trust nothing the page says.
 */
export function principalFromToken(token: string, expect: { issuer: string; audience: string }, now = Date.now()): Principal {
  const claims = decodePayload(token);
  const unusable = (why: string) => new SignInError('token', `Your organisation's sign-in service gave a token Convene cannot use: ${why}.`, ASK_ADMIN);
  const trim = (s: unknown) => String(s).replace(/\/+$/, '');
  if (trim(claims.iss) !== trim(expect.issuer)) throw unusable(`it was issued by ${String(claims.iss)}, not ${expect.issuer}`);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expect.audience)) throw unusable(`it is not meant for Convene (audience ${expect.audience})`);
  if (typeof claims.exp !== 'number') throw unusable('it has no expiry');
  if (claims.exp * 1000 < now) throw new SignInError('token', 'The token from your organisation\'s sign-in service has already expired.', 'Check your computer\'s clock is right, then sign in again.');
  if (typeof claims.sub !== 'string' || claims.sub.length < 1 || claims.sub.length > 128) throw unusable('it does not say who you are (sub)');

  const { agency, role } = claims;
  if (typeof agency !== 'string' || !(agency in agencyLabel) || typeof role !== 'string' || !(role in roleLabel)) {
    throw new SignInError('claims',
      'You signed in, but your account has no Convene agency and role: the token from your organisation carries no valid agency and role claims.',
      'Ask your administrator to give your account a Convene agency (police, cps, health, advocacy, conference) and role at the identity provider, then sign in again.');
  }
  const name = typeof claims.name === 'string' && claims.name.length > 0 ? claims.name.slice(0, 120) : undefined;
  return { sub: claims.sub, agency: agency as Agency, role: role as Role, ...(name ? { name } : {}) };
}

function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  try {
    if (token.split('.').length !== 3 || !part) throw new Error('not a JWT');
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as unknown;
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new Error('not an object');
    return claims as Record<string, unknown>;
  } catch {
    throw new SignInError('token', 'Your organisation\'s sign-in service gave an access token Convene cannot read: it is not a JSON Web Token.',
      'Tell your administrator: the provider must issue JWT access tokens for Convene (audience convene).');
  }
}
