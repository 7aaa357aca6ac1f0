import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, seriousA11yViolations } from './support/browser.js';
import { startOidcProvider, type OidcProvider, type ProviderUser } from './support/oidcProvider.js';
import { startE2eStack, type E2eStack } from './support/stack.js';
import { freePort } from '../support/ports.js';
import { uniqueId } from '../support/infra.js';

const CLIENT_ID = 'convene-web';
const CHAIR: ProviderUser = { sub: 'idp|chair-4711', name: 'Dana Whitfield', agency: 'conference', role: 'chair' };
const OFFICER: ProviderUser = { sub: 'idp|police-0815', name: 'PC Lee Marsh', agency: 'police', role: 'police' };
const NO_ROLE: ProviderUser = { sub: 'idp|visitor-1', name: 'Vic Visitor' };

/**
 * A partnership that signs in through its own OpenID Connect provider: the conference and the police service
 * run without the development JWT secret, verify the provider's RS256 tokens against its JWKS, and the UI
 * signs people in with the authorization code flow and PKCE, entirely in the browser.
 */
describe('signing in through the partnership\'s OIDC provider', () => {
  let provider: OidcProvider;
  let stack: E2eStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function startSignIn(page: Page, next?: string) {
    await page.goto(`${stack.urls.conference}/sign-in${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();
  }

  const signedInAs = (page: Page) => page.locator('.app-header .who span').textContent();
  const storedSession = (page: Page) => page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('convene.session'));
  /** A request to one of the provider's endpoints, whatever its query. */
  const at = (path: string) => (url: URL) => url.origin === provider.issuer && url.pathname === path;
  const issuedTokens = () => provider.tokenAttempts.filter((a) => a.outcome === 'issued').map((a) => a.token!);

  beforeAll(async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider({ clientId: CLIENT_ID, redirectUris: [`${origin}/auth/callback`], uiOrigin: origin });
    stack = await startE2eStack({
      port,
      agencies: ['police'],
      // No CONVENE_JWT_SECRET: the provider's keys are the only way in, and no development sign-in (which would need it).
      env: { CONVENE_JWT_SECRET: undefined, CONVENE_DEV_SIGNIN: undefined, CONVENE_OIDC_ISSUER: provider.issuer, CONVENE_OIDC_JWKS_URL: provider.jwksUrl, CONVENE_OIDC_CLIENT_ID: CLIENT_ID },
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
    await provider?.stop();
  });

  it('offers only the organisation\'s sign-in: no development people, no development token endpoint', async () => {
    const config = (await (await fetch(`${stack.urls.conference}/config.json`)).json()) as { signIn: unknown };
    expect(config.signIn).toEqual({ dev: false, oidc: { issuer: provider.issuer, clientId: CLIENT_ID, scopes: 'openid profile', audience: 'convene', redirectPath: '/auth/callback' } });
    expect((await fetch(`${stack.urls.conference}/auth/dev/people`)).status).toBe(404);

    const page = await freshPage();
    await page.goto(`${stack.urls.conference}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(new URL(provider.issuer).host);
    expect(await page.locator('button.person').count()).toBe(0);
    const found = await seriousA11yViolations(page);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

  it('signs the chair in through the provider, with PKCE, and the meetings page loads with the provider\'s token', async () => {
    provider.signInAs(CHAIR);
    const page = await freshPage();
    await page.goto(`${stack.urls.conference}/meetings`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    const meetingsCall = page.waitForResponse((res) => res.url() === `${stack.urls.conference}/meetings` && res.request().resourceType() === 'fetch');
    await page.getByRole('button', { name: 'Sign in with your organisation' }).click();

    const res = await meetingsCall;
    expect(res.status()).toBe(200);
    const token = issuedTokens().at(-1)!;
    expect(res.request().headers().authorization).toBe(`Bearer ${token}`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/meetings');
    expect(await signedInAs(page)).toBe('Dana Whitfield · Meeting chair');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // What the UI asked the provider for: a public client's code flow with an S256 challenge.
    const asked = provider.authorizeRequests.at(-1)!;
    expect(asked).toMatchObject({ clientId: CLIENT_ID, redirectUri: `${stack.urls.conference}/auth/callback`, scope: 'openid profile', codeChallengeMethod: 'S256' });
    expect(asked.codeChallenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.state.length).toBeGreaterThanOrEqual(32);
    // The code and state are gone from the address bar and the history; the round trip's secrets are spent.
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(k: string): string | null } }).sessionStorage.getItem('convene.oidc.pending'))).toBeNull();
    expect(JSON.parse((await storedSession(page))!)).toMatchObject({ token, principal: { sub: CHAIR.sub, name: CHAIR.name, agency: 'conference', role: 'chair' } });

    // The services verify the provider's token themselves: a forged one is refused.
    const [header, payload] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'chair', sub: 'mallory' })).toString('base64url')}.${token.split('.')[2]}`;
    expect((await fetch(`${stack.urls.conference}/meetings`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  it('takes a police officer to the page they asked for, and the police service accepts the provider\'s token', async () => {
    provider.signInAs(OFFICER);
    const page = await freshPage();
    await startSignIn(page, '/meetings');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/meetings');
    expect(await signedInAs(page)).toBe('PC Lee Marsh · Police');

    await page.getByRole('link', { name: 'Police records' }).click();
    await page.locator('summary', { hasText: 'Record a person' }).click();
    await page.getByLabel('Given name').fill('Hannah');
    await page.getByLabel('Family name').fill(`Oidc-${uniqueId('').replace(/\d/g, 'x')}`);
    await page.getByLabel('Date of birth').fill('1990-04-02');
    const recorded = page.waitForResponse((res) => res.url() === `${stack.urls.police}/people` && res.request().method() === 'POST');
    await page.getByRole('button', { name: 'Record person' }).click();
    const res = await recorded;
    expect(res.status(), await res.text()).toBe(201);
    expect(res.request().headers().authorization).toBe(`Bearer ${issuedTokens().at(-1)}`);
  });

  it('refuses a code redeemed with the wrong PKCE verifier, and says what to do', async () => {
    provider.signInAs(CHAIR);
    const page = await freshPage();
    // Stands in for an attacker who caught the code but not this tab's verifier.
    await page.route(at('/token'), (route) => {
      const form = new URLSearchParams(route.request().postData() ?? '');
      form.set('code_verifier', 'A'.repeat(43));
      return route.continue({ postData: form.toString() });
    });
    const attempts = provider.tokenAttempts.length;
    await startSignIn(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Sign-in refused:.*refused to finish the sign-in: invalid_grant \(PKCE verification failed/s);
    expect(await alert.innerText()).toContain('Start signing in again from the sign-in page.');
    expect(provider.tokenAttempts.slice(attempts).map((a) => a.outcome)).toEqual(['invalid_grant']);
    expect(new URL(page.url()).pathname).toBe('/auth/callback');
    expect(new URL(page.url()).search).toBe('');
    expect(await storedSession(page)).toBeNull();
    const found = await seriousA11yViolations(page);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
    await page.getByRole('link', { name: 'Back to the sign-in page' }).click();
    await page.getByRole('button', { name: 'Sign in with your organisation' }).waitFor();
  });

  it('refuses an answer whose state was tampered with, without redeeming its code', async () => {
    provider.signInAs(CHAIR);
    const page = await freshPage();
    await page.route(at('/authorize'), async (route) => {
      const real = await route.fetch({ maxRedirects: 0 });
      const back = new URL(real.headers().location!);
      back.searchParams.set('state', 'forged-state-from-somewhere-else');
      await route.fulfill({ status: 302, headers: { location: back.href } });
    });
    const attempts = provider.tokenAttempts.length;
    await startSignIn(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Sign-in refused:.*does not belong to the sign-in started in this tab \(the state does not match\)/s);
    expect(await alert.innerText()).toContain('Start signing in again from the sign-in page.');
    expect(provider.tokenAttempts.length).toBe(attempts);
    expect(await storedSession(page)).toBeNull();
  });

  it('says so when the person is turned away at the provider (access_denied)', async () => {
    provider.denyNext();
    const page = await freshPage();
    await startSignIn(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Access denied:.*did not let you into Convene/s);
    expect(await alert.innerText()).toContain('ask your administrator to give your account access');
  });

  it('refuses an account without Convene agency and role claims, as the services do', async () => {
    provider.signInAs(NO_ROLE);
    const page = await freshPage();
    await startSignIn(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/No Convene role:.*no valid agency and role claims/s);
    expect(await alert.innerText()).toContain('Ask your administrator to give your account a Convene agency');
    expect(await storedSession(page)).toBeNull();
    const res = await fetch(`${stack.urls.conference}/meetings`, { headers: { authorization: `Bearer ${issuedTokens().at(-1)}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toBe('token lacks agency and role claims');
  });

  it('says the provider cannot be reached, and what to do, when its discovery document does not load', async () => {
    const page = await freshPage();
    await page.route(at('/.well-known/openid-configuration'), (route) => route.abort('connectionrefused'));
    await startSignIn(page);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Could not start signing in:.*Could not reach your organisation's sign-in service at 127\.0\.0\.1:\d+/s);
    expect(await alert.innerText()).toContain('Check your network connection and try again.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('sends nobody to an unregistered redirect URI', async () => {
    const url = new URL(`${provider.issuer}/authorize`);
    url.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: 'http://127.0.0.1:1/steal', state: 's', code_challenge: 'c'.repeat(43), code_challenge_method: 'S256' }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});
