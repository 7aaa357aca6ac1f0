import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '@convene/shared/auth';
import { DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';
import { devSignInRouter } from '../../services/conference/src/http/devSignIn.js';
import { DEMO_PEOPLE } from '../../services/conference/src/http/demoPartnership.js';
import { mountWebUi } from '../../services/conference/src/web/static.js';

/** How the conference serves the UI and its sign-in plumbing, checked over HTTP without a browser or a stack. */
describe('serving the web UI', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'convene-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Convene</title>');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    const app = express();
    mountWebUi(app, { distDir: dist, connectOrigins: ['http://127.0.0.1:4101', 'http://127.0.0.1:4104'] });
    app.use(express.json());
    app.use(devSignInRouter({ nodeEnv: 'development', enabled: true, jwtSecret: DEV_JWT_SECRET, audience: 'convene' }));
    app.get('/meetings', (_req, res) => void res.json({ api: true }));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('answers a browser navigation with the app, with a CSP that lets it call the agencies and nothing else', async () => {
    const res = await fetch(`${url}/meetings/some-id`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Convene</title>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4101 http://127.0.0.1:4104");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('answers the identity provider\'s redirect back to /auth/callback with the app', async () => {
    const res = await fetch(`${url}/auth/callback?code=abc&state=def`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Convene</title>');
  });

  it('leaves API calls, health checks and missing files to the API', async () => {
    expect(await (await fetch(`${url}/meetings`, { headers: { accept: '*/*' } })).json()).toEqual({ api: true });
    expect(await (await fetch(`${url}/meetings`, { headers: { accept: 'application/json' } })).json()).toEqual({ api: true });
    expect((await fetch(`${url}/health`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${url}/openapi.json`, { headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
  });

  it('serves hashed assets for a year', async () => {
    const res = await fetch(`${url}/assets/app-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age=31536000');
  });

  it('lists the demo partnership and signs a token for one of them, never for a stranger', async () => {
    const people = (await (await fetch(`${url}/auth/dev/people`)).json()) as { id: string; role: string }[];
    // One area served (the default): the second area's demo people are not offered.
    expect(people.map((p) => p.id)).toEqual(DEMO_PEOPLE.filter((p) => p.area === undefined).map((p) => p.sub));
    expect(new Set(people.map((p) => p.role))).toEqual(new Set(['chair', 'police', 'cps', 'health', 'caldicott', 'health_idva', 'advocate', 'scrutiny']));
    const res = await fetch(`${url}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: 'cps-priya-nair' }) });
    const { token, principal } = (await res.json()) as { token: string; principal: object };
    expect(principal).toEqual({ sub: 'cps-priya-nair', name: 'Priya Nair', agency: 'cps', role: 'cps' });
    expect(await createTokenVerifier({ secret: DEV_JWT_SECRET, audience: 'convene' })(token)).toEqual(principal);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number; iat: number };
    expect(payload.exp - payload.iat).toBe(8 * 3600);
    const stranger = await fetch(`${url}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: 'mallory' }) });
    expect(stranger.status).toBe(404);
  });

  it('does not exist in production, when switched off, or without a local signing secret', async () => {
    for (const options of [
      { nodeEnv: 'production', enabled: true, jwtSecret: DEV_JWT_SECRET },
      { nodeEnv: 'development', enabled: false, jwtSecret: DEV_JWT_SECRET },
      { nodeEnv: 'development', enabled: true, jwtSecret: undefined },
    ]) {
      const app = express().use(express.json()).use(devSignInRouter({ ...options, audience: 'convene' }));
      const s: Server = await new Promise((resolve) => {
        const x = app.listen(0, '127.0.0.1', () => resolve(x));
      });
      const base = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
      expect((await fetch(`${base}/auth/dev/people`)).status).toBe(404);
      expect((await fetch(`${base}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"personId":"chair-sam-okafor"}' })).status).toBe(404);
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
});
