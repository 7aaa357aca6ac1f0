/**
 * A tiny OpenID Connect provider for the browser tests, on 127.0.0.1: discovery, an authorization endpoint that
 * signs in whoever the test says at once (no login page), a token endpoint that checks PKCE (S256) and issues
 * RS256 access tokens, and the JWKS the services verify them with. Just enough of RFC 6749 / 7636 and OIDC
 * Discovery to be a faithful partner for the UI's public-client flow, and strict where the flow's safety lies:
 * registered redirect URIs only, single-use codes bound to client, redirect URI and code challenge.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface ProviderUser {
  sub: string;
  name?: string;
  /** Left out to issue a token without Convene's claims. */
  agency?: string;
  role?: string;
}

export interface OidcProviderOptions {
  clientId: string;
  /** The only redirect URIs /authorize sends anyone back to. */
  redirectUris: string[];
  /** The web UI's origin: CORS on discovery and the token endpoint allow it alone. */
  uiOrigin: string;
  audience?: string;
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: string;
}

export interface TokenAttempt {
  outcome: 'issued' | string;
  token?: string;
}

export interface OidcProvider {
  issuer: string;
  jwksUrl: string;
  /** Who the next /authorize signs in (until changed). */
  signInAs(user: ProviderUser): void;
  /** Make the next /authorize answer `error=access_denied`, as when a person cancels at the provider. */
  denyNext(): void;
  /** Every /authorize that was accepted, oldest first. */
  readonly authorizeRequests: AuthorizeRequest[];
  /** Every token request, oldest first: `issued`, or the OAuth error it was refused with. */
  readonly tokenAttempts: TokenAttempt[];
  stop(): Promise<void>;
}

const base64url = (buf: Buffer) => buf.toString('base64url');
const s256 = (verifier: string) => base64url(createHash('sha256').update(verifier, 'ascii').digest());

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  user: ProviderUser;
  expiresAt: number;
}

export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  const audience = options.audience ?? 'convene';
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = base64url(randomBytes(8));
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  const authorizeRequests: AuthorizeRequest[] = [];
  const tokenAttempts: TokenAttempt[] = [];
  let user: ProviderUser = { sub: 'nobody' };
  let denyNext = false;
  let issuer = '';

  const cors = (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.origin === options.uiOrigin) {
      res.setHeader('Access-Control-Allow-Origin', options.uiOrigin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, accept');
    }
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next();
  };
  const oauthError = (res: Response, status: number, error: string, description: string) => {
    tokenAttempts.push({ outcome: error });
    res.status(status).setHeader('Cache-Control', 'no-store').json({ error, error_description: description });
  };

  const app = express();
  app.disable('x-powered-by');

  app.use('/.well-known/openid-configuration', cors);
  app.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'profile'],
    });
  });

  app.get('/jwks', (_req, res) => void res.json({ keys: [publicJwk] }));

  app.get('/authorize', (req, res) => {
    const q = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, typeof v === 'string' ? v : ''])) as Record<string, string>;
    // An unregistered redirect URI (or client) gets an error page, never a redirect: RFC 6749 §4.1.2.1.
    if (q.client_id !== options.clientId) return void res.status(400).type('text').send('unknown client_id');
    if (!q.redirect_uri || !options.redirectUris.includes(q.redirect_uri)) return void res.status(400).type('text').send('redirect_uri is not registered for this client');
    const back = new URL(q.redirect_uri);
    const answer = (params: Record<string, string>) => {
      for (const [k, v] of Object.entries(params)) back.searchParams.set(k, v);
      if (q.state) back.searchParams.set('state', q.state);
      res.redirect(302, back.href);
    };
    if (q.response_type !== 'code') return answer({ error: 'unsupported_response_type' });
    if (!q.code_challenge || q.code_challenge_method !== 'S256') return answer({ error: 'invalid_request', error_description: 'PKCE with S256 is required' });
    authorizeRequests.push({ clientId: q.client_id, redirectUri: q.redirect_uri, scope: q.scope ?? '', state: q.state ?? '', codeChallenge: q.code_challenge, codeChallengeMethod: q.code_challenge_method });
    if (denyNext) {
      denyNext = false;
      return answer({ error: 'access_denied', error_description: 'The user declined' });
    }
    const code = base64url(randomBytes(24));
    codes.set(code, { clientId: q.client_id, redirectUri: q.redirect_uri, challenge: q.code_challenge, scope: q.scope ?? '', user, expiresAt: Date.now() + 60_000 });
    answer({ code });
  });

  app.use('/token', cors);
  app.post('/token', express.urlencoded({ extended: false }), async (req, res) => {
    const form = (req.body ?? {}) as Record<string, string | undefined>;
    if (form.grant_type !== 'authorization_code') return oauthError(res, 400, 'unsupported_grant_type', 'only authorization_code');
    const issued = form.code ? codes.get(form.code) : undefined;
    if (form.code) codes.delete(form.code); // single use, whatever happens next
    if (!issued || issued.expiresAt < Date.now()) return oauthError(res, 400, 'invalid_grant', 'unknown, used or expired code');
    if (form.client_id !== issued.clientId) return oauthError(res, 400, 'invalid_grant', 'code was issued to another client');
    if (form.redirect_uri !== issued.redirectUri) return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
    if (!form.code_verifier || s256(form.code_verifier) !== issued.challenge) {
      return oauthError(res, 400, 'invalid_grant', 'PKCE verification failed: code_verifier does not match the code_challenge');
    }
    const { sub, name, agency, role } = issued.user;
    const token = await new SignJWT({ ...(name ? { name } : {}), ...(agency ? { agency } : {}), ...(role ? { role } : {}), scope: issued.scope, client_id: issued.clientId })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'at+jwt' })
      .setIssuer(issuer).setAudience(audience).setSubject(sub).setIssuedAt().setExpirationTime('10m').setJti(base64url(randomBytes(12)))
      .sign(privateKey);
    tokenAttempts.push({ outcome: 'issued', token });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ access_token: token, token_type: 'Bearer', expires_in: 600, scope: issued.scope });
  });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    signInAs: (next) => void (user = next),
    denyNext: () => void (denyNext = true),
    authorizeRequests,
    tokenAttempts,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
