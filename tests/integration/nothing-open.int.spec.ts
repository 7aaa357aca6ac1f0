import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_METRICS_TOKEN } from '../../scripts/lib/devSecrets.js';
import { startService } from '../../scripts/lib/services.js';
import { startConference, type RunningConference } from '../support/conference.js';
import { startAgency, type RunningAgency } from '../support/agencies.js';
import { uniqueId } from '../support/infra.js';
import { freePort } from '../support/ports.js';

const json = { 'content-type': 'application/json' };

/** Issue 17, point 7: nothing is open unless someone said so. */
describe('a conference started without CONVENE_DEV_SIGNIN', () => {
  let conference: RunningConference;
  beforeAll(async () => {
    // devEnvironment switches the dev sign-in on for the demo; this conference is started as a deployment would be.
    conference = await startConference(uniqueId('open'), { env: { CONVENE_DEV_SIGNIN: undefined } });
  });
  afterAll(async () => {
    await conference?.stop();
  });

  it('has no development sign-in: both routes are the API\'s 404, and the UI is told so', async () => {
    for (const res of [
      await fetch(`${conference.url}/auth/dev/people`),
      await fetch(`${conference.url}/auth/dev/token`, { method: 'POST', headers: json, body: JSON.stringify({ personId: 'chair-sam-okafor' }) }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.text()).not.toContain('token":"');
    }
    const config = (await (await fetch(`${conference.url}/config.json`)).json()) as { signIn: { dev: boolean } };
    expect(config.signIn.dev).toBe(false);
  });

  it('refuses /metrics without its token, or with a wrong one or a user\'s token in its place', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer not-the-metrics-token' }, { authorization: `Basic ${DEV_METRICS_TOKEN}` }];
    for (const headers of attempts) {
      const res = await fetch(`${conference.url}/metrics`, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.text()).not.toContain('convene_http_request_duration_seconds');
    }
  });

  it('serves /metrics to a scraper with CONVENE_METRICS_TOKEN', async () => {
    const res = await fetch(`${conference.url}/metrics`, { headers: { authorization: `Bearer ${DEV_METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('convene_http_request_duration_seconds_bucket');
    expect(body).toContain('service="conference"');
  });
});

describe('an agency started without CONVENE_METRICS_TOKEN', () => {
  let police: RunningAgency;
  beforeAll(async () => {
    police = await startAgency('police', { env: { CONVENE_METRICS_TOKEN: undefined } });
  });
  afterAll(async () => {
    await police?.stop();
  });

  it('serves no /metrics at all, token or not', async () => {
    expect((await fetch(`${police.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${police.url}/metrics`, { headers: { authorization: `Bearer ${DEV_METRICS_TOKEN}` } })).status).toBe(404);
    expect((await fetch(`${police.url}/health`)).status).toBe(200);
  });
});

describe('a conference process with no way to verify tokens', () => {
  it('exits at once, naming the variables to set (and that the dev sign-in needs the local secret)', async () => {
    const logDir = mkdtempSync(join(tmpdir(), 'convene-it-nothing-open-'));
    // Undefined removes a variable this test runner may have in its own environment.
    const service = startService('conference', {
      PORT: String(await freePort()), CONVENE_JWT_SECRET: undefined, CONVENE_OIDC_ISSUER: undefined, CONVENE_OIDC_JWKS_URL: undefined,
      CONVENE_DEV_SIGNIN: 'true', NODE_ENV: 'development',
    }, logDir);
    const code = await new Promise<number | null>((resolve) => service.process.once('exit', resolve));
    expect(code).toBe(1);
    const log = readFileSync(service.logPath, 'utf8');
    expect(log).toContain('invalid configuration');
    expect(log).toMatch(/CONVENE_OIDC_ISSUER or CONVENE_JWT_SECRET: .*set CONVENE_OIDC_ISSUER and CONVENE_OIDC_JWKS_URL.*or CONVENE_JWT_SECRET/);
    expect(log).toMatch(/CONVENE_DEV_SIGNIN: needs CONVENE_JWT_SECRET/);
  });
});
