import type { Principal, WebClientConfig } from '../api/types';
import { principalFromToken } from './claims';
import { discover } from './discovery';
import { SignInError, TELL_ADMIN } from './errors';
import { safeNext, savePending, takePending } from './pending';
import { randomToken, s256Challenge } from './pkce';

/**
 * Sign-in through the partnership's OpenID Connect provider, entirely in the browser: the authorization code
 * flow with PKCE (S256) for a public client. Nothing secret is held: the verifier lives in this tab's
 * sessionStorage for the round trip, and the code is worth nothing without it.
 */
export type OidcSettings = NonNullable<WebClientConfig['signIn']['oidc']>;

/** A sign-in left unfinished longer than this is not taken up again. */
const PENDING_FOR_MS = 10 * 60_000;

const redirectUri = (settings: OidcSettings) => `${location.origin}${settings.redirectPath}`;

/** Off to the provider: discover its endpoints, remember state, verifier and `next`, and go. */
export async function beginSignIn(settings: OidcSettings, next: string | null): Promise<void> {
  const provider = await discover(settings.issuer);
  const state = randomToken(24);
  const verifier = randomToken(32);
  const challenge = await s256Challenge(verifier);
  savePending({ state, verifier, next: safeNext(next), startedAt: Date.now() });
  const url = new URL(provider.authorizationEndpoint);
  url.search = new URLSearchParams({
    ...Object.fromEntries(url.searchParams),
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(settings), scope: settings.scopes,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.href);
}

export interface CompletedSignIn {
  token: string;
  principal: Principal;
  next: string | null;
}

/** Back from the provider (`search` is the callback's query): check the state, swap the code for a token. */
export async function completeSignIn(settings: OidcSettings, search: string): Promise<CompletedSignIn> {
  const params = new URLSearchParams(search);
  const pending = takePending();
  if (!pending) {
    throw new SignInError('none', 'There is no sign-in in progress in this tab, so this answer from your organisation cannot be used.', 'Start again from the sign-in page, in this same tab.');
  }
  // The state first: an answer meant for another sign-in (or forged) is never acted on, not even its error.
  if (params.get('state') !== pending.state) {
    throw new SignInError('state', 'This answer from your organisation does not belong to the sign-in started in this tab (the state does not match), so it was refused.', 'Start signing in again from the sign-in page. If you did not start a sign-in just now, close this tab.');
  }
  const error = params.get('error');
  if (error === 'access_denied') {
    throw new SignInError('denied', 'Your organisation\'s sign-in service did not let you into Convene (access denied).', 'If you cancelled, sign in again when you are ready. Otherwise ask your administrator to give your account access to Convene.');
  }
  if (error) {
    const description = params.get('error_description');
    throw new SignInError('provider', `Your organisation's sign-in service could not sign you in: ${error}${description ? ` (${description})` : ''}.`, `Try signing in again. ${TELL_ADMIN}`);
  }
  if (Date.now() - pending.startedAt > PENDING_FOR_MS) {
    throw new SignInError('refused', 'That sign-in took too long and was not completed.', 'Start signing in again from the sign-in page.');
  }
  const code = params.get('code');
  if (!code) throw new SignInError('provider', 'Your organisation\'s sign-in service sent you back without a sign-in code.', `Try signing in again. ${TELL_ADMIN}`);

  const provider = await discover(settings.issuer);
  const token = await exchangeCode(provider.tokenEndpoint, {
    grant_type: 'authorization_code', code, redirect_uri: redirectUri(settings), client_id: settings.clientId, code_verifier: pending.verifier,
  });
  const principal = principalFromToken(token, { issuer: provider.issuer, audience: settings.audience });
  return { token, principal, next: pending.next };
}

/** The token request (RFC 6749 §4.1.3 with the PKCE verifier): a form POST, no client secret. */
async function exchangeCode(tokenEndpoint: string, form: Record<string, string>): Promise<string> {
  let res: Response;
  try {
    res = await fetch(tokenEndpoint, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams(form),
    });
  } catch {
    throw new SignInError('unreachable', `Could not reach your organisation's sign-in service at ${new URL(tokenEndpoint).host} to finish signing in.`,
      `Check your network connection and sign in again. ${TELL_ADMIN} (The provider's token endpoint must allow this site: CORS.)`);
  }
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // not JSON: the status says enough
  }
  if (!res.ok) {
    const error = typeof body.error === 'string' ? body.error : `${res.status}`;
    const description = typeof body.error_description === 'string' ? ` (${body.error_description})` : '';
    throw new SignInError('refused', `Your organisation's sign-in service refused to finish the sign-in: ${error}${description}.`,
      `Start signing in again from the sign-in page. ${TELL_ADMIN}`);
  }
  if (typeof body.access_token !== 'string' || !body.access_token) {
    throw new SignInError('token', 'Your organisation\'s sign-in service answered without an access token.', TELL_ADMIN);
  }
  if (typeof body.token_type === 'string' && body.token_type.toLowerCase() !== 'bearer') {
    throw new SignInError('token', `Your organisation's sign-in service gave a ${body.token_type} token; Convene needs a bearer token.`, TELL_ADMIN);
  }
  return body.access_token;
}
