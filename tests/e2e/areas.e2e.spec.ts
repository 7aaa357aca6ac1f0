import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { issueLocalToken, type Principal } from '@convene/shared/auth';
import { DEMO_PEOPLE, FIRST_DEMO_AREA, SECOND_DEMO_AREA } from '../../services/conference/src/http/demoPartnership.js';
import { DEV_JWT_SECRET } from '../../scripts/lib/devSecrets.js';
import { launchBrowser, seriousA11yViolations, signIn } from './support/browser.js';
import { startE2eStack, type E2eStack } from './support/stack.js';
import { eventually } from '../support/poll.js';
import { uniqueId } from '../support/infra.js';

const person = (sub: string) => DEMO_PEOPLE.find((p) => p.sub === sub)!;
const leedsChair = person('chair-sam-okafor');
const bradfordChair = person('chair-nia-campbell');

/** A JSON client acting as someone of an area. */
async function as(who: Principal, area: string, baseUrl: string) {
  const token = await issueLocalToken(DEV_JWT_SECRET, { sub: who.sub, agency: who.agency, role: who.role, area }, { expiresIn: '1h' });
  return async <T = any>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  };
}

describe('two areas, in a browser: the same suspect across them, and a transfer', () => {
  let stack: E2eStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let leedsCase = '';
  let bradfordCase = '';
  const tag = uniqueId('').slice(0, 6).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);

  async function pageAs(displayName: string, next: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, stack.urls.conference, displayName, next);
    return page;
  }

  /** A victim of the one suspect, referred by police in the area, and listed there. */
  async function referIn(area: string, officer: Principal, chair: Principal, victim: { given: string; family: string; dateOfBirth: string }): Promise<string> {
    const police = await as(officer, area, stack.urls.police);
    const conference = await as(chair, area, stack.urls.conference);
    const v = await police<{ personId: string }>('POST', '/people', { ...victim, family: `${victim.family}-${tag}`, postcode: 'LS6 2AB' });
    const s = await police<{ personId: string }>('POST', '/people', { given: 'Colin', family: `Brady-${tag}`, dateOfBirth: '1982-09-02', postcode: 'BD1 1AA' });
    await police('POST', '/referrals', { subjects: [{ personId: v.personId, role: 'victim' }, { personId: s.personId, role: 'suspect' }], criterion: 'high_risk', reason: 'Turning up at her work and home' });
    const listed = await eventually(async () => (await conference<{ caseRef: string; status: string }[]>('GET', '/cases')).find((c) => c.status === 'listed'), { what: `a case in ${area}` });
    return listed.caseRef;
  }

  beforeAll(async () => {
    stack = await startE2eStack({ env: { CONVENE_AREAS: JSON.stringify([FIRST_DEMO_AREA, SECOND_DEMO_AREA]) } });
    leedsCase = await referIn(FIRST_DEMO_AREA.id, person('police-jo-ward'), leedsChair, { given: 'Ruth', family: 'Ainsworth', dateOfBirth: '1987-05-14' });
    bradfordCase = await referIn(SECOND_DEMO_AREA.id, person('police-tom-reid'), bradfordChair, { given: 'Hannah', family: 'Price', dateOfBirth: '1990-11-03' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  });

  it('shows the chair the other area holding the same suspect, by name and contact only, takes a request for a joint discussion, and transfers the case there', async () => {
    // Bradford's chair asks Leeds for a joint discussion, from Bradford's own case.
    const asking = await pageAs(bradfordChair.name, `/cases/${bradfordCase}`);
    await asking.getByRole('button', { name: `Ask ${FIRST_DEMO_AREA.name} for a joint discussion` }).click();
    await asking.getByText(`${FIRST_DEMO_AREA.name} has been asked.`).waitFor();

    const page = await pageAs(leedsChair.name, `/cases/${leedsCase}`);
    const panel = page.getByRole('region', { name: 'Other areas' });
    await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toContain(SECOND_DEMO_AREA.name);
    expect(await panel.innerText()).toContain(SECOND_DEMO_AREA.contact);
    await expect.poll(async () => { await page.reload(); return page.getByRole('region', { name: 'Other areas' }).innerText(); }, { timeout: 15_000 })
      .toContain(`${SECOND_DEMO_AREA.name} asks for a joint discussion`);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(bradfordCase);
    expect(text).not.toContain('Price');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await panel.getByText('Transfer this case to another area').click();
    await page.getByLabel('To', { exact: true }).selectOption(SECOND_DEMO_AREA.id);
    await page.getByLabel('Reason', { exact: false }).fill('The victim has moved to Bradford; heard with the suspect\'s other victim');
    await page.getByRole('button', { name: 'Transfer the case' }).click();
    // The case is then the other area's: this chair is told so, and sees nothing more of it.
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toMatch(/was not found/);

    const there = await pageAs(bradfordChair.name, `/cases/${leedsCase}`);
    await expect.poll(() => there.locator('main').innerText(), { timeout: 15_000 }).toContain('Case transferred from area leeds to area bradford');
    expect(await there.locator('main').innerText()).toContain(`Ainsworth-${tag}`);
  });
});
