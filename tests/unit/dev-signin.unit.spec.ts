import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import express from 'express';
import { ConfigError } from '@convene/shared/config';
import { loadConferenceConfig } from '../../services/conference/src/config.js';
import { devSignInRouter } from '../../services/conference/src/http/devSignIn.js';
import { webClientConfig } from '../../services/conference/src/http/webConfig.js';
import { loadPoliceConfig } from '../../services/police/src/config.js';
import { devEnvironment } from '../../scripts/lib/devSecrets.js';

const SECRET = { CONVENE_JWT_SECRET: 'x'.repeat(40) };
const OIDC = { CONVENE_OIDC_ISSUER: 'https://idp.example.org/realms/leeds', CONVENE_OIDC_JWKS_URL: 'https://idp.example.org/realms/leeds/certs', CONVENE_OIDC_CLIENT_ID: 'convene-web' };

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConferenceConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** The conference's dev sign-in router, wired from a loaded config exactly as app.ts wires it. */
async function devRoutes(env: NodeJS.ProcessEnv): Promise<string> {
  const config = loadConferenceConfig(env);
  const app = express().use(express.json()).use(devSignInRouter({ nodeEnv: config.NODE_ENV, enabled: config.CONVENE_DEV_SIGNIN, jwtSecret: config.CONVENE_JWT_SECRET, audience: config.CONVENE_JWT_AUDIENCE }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

describe('CONVENE_DEV_SIGNIN', () => {
  it('is off unless set to true, even with the local issuer\'s secret', async () => {
    const config = loadConferenceConfig(SECRET);
    expect(config.CONVENE_DEV_SIGNIN).toBe(false);
    expect(webClientConfig(config).signIn.dev).toBe(false);
    expect(loadConferenceConfig({ ...SECRET, CONVENE_DEV_SIGNIN: 'false' }).CONVENE_DEV_SIGNIN).toBe(false);
    const base = await devRoutes(SECRET);
    expect((await fetch(`${base}/auth/dev/people`)).status).toBe(404);
    expect((await fetch(`${base}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personId":"chair-sam-okafor"}' })).status).toBe(404);
  });

  it('switches the sign-in on when set to true with the local secret', async () => {
    const env = { ...SECRET, CONVENE_DEV_SIGNIN: 'true' };
    expect(webClientConfig(loadConferenceConfig(env)).signIn.dev).toBe(true);
    const base = await devRoutes(env);
    expect((await fetch(`${base}/auth/dev/people`)).status).toBe(200);
  });

  it('accepts only true or false', () => {
    expect(problemsOf({ ...SECRET, CONVENE_DEV_SIGNIN: 'yes' })).toEqual(['CONVENE_DEV_SIGNIN: true or false (unset means false)']);
    expect(problemsOf({ ...SECRET, CONVENE_DEV_SIGNIN: '1' })).toHaveLength(1);
  });

  it('refuses to start with it but without the local issuer\'s secret, saying which variable to set', () => {
    const problems = problemsOf({ ...OIDC, CONVENE_DEV_SIGNIN: 'true' });
    expect(problems).toEqual([expect.stringMatching(/^CONVENE_DEV_SIGNIN: needs CONVENE_JWT_SECRET.*set CONVENE_JWT_SECRET/)]);
    // With no issuer at all, both the missing issuer and the sign-in's missing secret are named at once.
    const none = problemsOf({ CONVENE_DEV_SIGNIN: 'true' });
    expect(none.map((p) => p.split(':')[0])).toEqual(['CONVENE_OIDC_ISSUER or CONVENE_JWT_SECRET', 'CONVENE_DEV_SIGNIN']);
  });

  it('refuses to start with it in production', () => {
    expect(problemsOf({ ...SECRET, CONVENE_DEV_SIGNIN: 'true', NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^CONVENE_DEV_SIGNIN: must not be true with NODE_ENV=production/)]);
    // Production without it is fine, and has no sign-in to offer but the provider's.
    expect(webClientConfig(loadConferenceConfig({ ...SECRET, NODE_ENV: 'production' })).signIn.dev).toBe(false);
  });

  it('refuses to start with it beside an OIDC provider, whose tokens alone the services would then accept', () => {
    expect(problemsOf({ ...SECRET, ...OIDC, CONVENE_DEV_SIGNIN: 'true' })).toEqual([expect.stringMatching(/^CONVENE_DEV_SIGNIN: not with CONVENE_OIDC_JWKS_URL/)]);
    expect(webClientConfig(loadConferenceConfig(OIDC)).signIn.dev).toBe(false);
  });
});

describe('devEnvironment (npm run demo and the tests)', () => {
  it('switches the development sign-in on explicitly, with the published secrets and a metrics token', () => {
    const env = devEnvironment();
    expect(env.CONVENE_DEV_SIGNIN).toBe('true');
    const config = loadConferenceConfig(env);
    expect(config.CONVENE_DEV_SIGNIN).toBe(true);
    expect(config.CONVENE_METRICS_TOKEN).toEqual(expect.any(String));
    expect(webClientConfig(config).signIn.dev).toBe(true);
    // The agencies have no development sign-in; the variable is nothing to them.
    expect(loadPoliceConfig(env).CONVENE_METRICS_TOKEN).toBe(config.CONVENE_METRICS_TOKEN);
  });

  it('lets a test switch it off again', () => {
    expect(loadConferenceConfig(devEnvironment({ CONVENE_DEV_SIGNIN: undefined })).CONVENE_DEV_SIGNIN).toBe(false);
  });
});
