import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { launchBrowser, seriousA11yViolations, signIn } from './support/browser.js';
import { as, demo, seedCase, type SeededCase } from './support/scenario.js';
import { startE2eStack, type E2eStack } from './support/stack.js';
import { uniqueId } from '../support/infra.js';

const LIVE_WITHIN_MS = 5_000;
const AGENCY_LANES = ['police', 'cps', 'health', 'advocacy'] as const;

/** The main screens must have no serious or critical accessibility problem. */
async function expectAccessible(page: Page, screen: string) {
  const found = await seriousA11yViolations(page);
  expect(found, `${screen}: ${JSON.stringify(found, null, 2)}`).toEqual([]);
}

describe('the web UI, in a browser, against the whole partnership', () => {
  let stack: E2eStack;
  let browser: Browser;
  let seeded: SeededCase;
  const contexts: BrowserContext[] = [];
  let chairPage: Page;

  async function pageAs(displayName: string, next = '/'): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, stack.urls.conference, displayName, next);
    return page;
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    // The Caldicott guardian is left off the invitation: she is the user who may not open the meeting.
    seeded = await seedCase(stack.urls, { tag: uniqueId(''), invite: ['police', 'cps', 'health', 'advocate'] });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('signs the chair in, opens the meeting, and the case shows lanes from all four agencies', async () => {
    chairPage = await pageAs(demo('chair').name);
    await expect.poll(() => new URL(chairPage.url()).pathname).toBe('/meetings');
    await chairPage.getByRole('link', { name: 'Leeds stalking clinic' }).click();
    await chairPage.getByRole('heading', { name: `Case ${seeded.caseRef}` }).waitFor();
    for (const lane of AGENCY_LANES) {
      expect(await chairPage.locator(`td[data-lane="${lane}"] .entry`).count(), `entries in the ${lane} lane`).toBeGreaterThan(0);
    }
    await chairPage.getByText('Live', { exact: true }).waitFor();
    await chairPage.locator('.presence li.here', { hasText: demo('chair').name }).waitFor();
    await expectAccessible(chairPage, 'meeting board with case view');
  });

  it('lists the orders in force on a day the reader chooses (a hearing date), asking the conference for that day', async () => {
    const orders = chairPage.locator('section.orders');
    const asked = chairPage.waitForResponse((res) => res.url().includes(`/cases/${seeded.caseRef}?ordersOn=2027-02-01`) && res.status() === 200);
    await orders.getByLabel('In force on').fill('2027-02-01');
    await asked;
    await orders.getByText('in force on 1 Feb 2027', { exact: false }).waitFor();
  });

  it('leads with risk and signals on the first screen at 1440×900, the course of conduct oldest first, and an agenda with grades', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, stack.urls.conference, demo('chair').name, '/meetings');
    await page.getByRole('link', { name: 'Leeds stalking clinic' }).click();
    await page.getByRole('heading', { name: `Case ${seeded.caseRef}` }).waitFor();
    for (const heading of ['Risk', 'Signals']) {
      const box = await page.getByRole('heading', { name: heading, exact: true }).boundingBox();
      expect(box, `${heading} panel`).not.toBeNull();
      expect(box!.y + box!.height, `${heading} on the first screen`).toBeLessThan(900);
    }
    // Beside the risk, the victim's voice as her advocate recorded it: wishes, fears and the safety plan.
    const voice = page.locator('section.risk .victim-voice');
    await voice.getByText('Wants him to stop contacting her family').waitFor();
    await voice.getByText('That he will turn up at her new job').waitFor();
    expect(await voice.locator('li').allInnerTexts()).toEqual(['Panic alarm fitted at home', 'Safe route to work agreed with her employer']);
    // Her household as counts and ages, flagged with no safeguarding referral; her safe number is for police only, not the chair.
    await voice.getByText('2 (aged 4, 9)').waitFor();
    expect(await voice.locator('.allocated-advocate').innerText()).toBe('Her advocate: Kim Adeyemi (ISAC, Leeds stalking advocacy) · 0113 496 0000');
    await voice.getByText('children in the household and no referral').waitFor();
    expect(await page.content()).not.toContain('07700 900123');
    await page.locator('section.research-summaries', { hasText: 'Four incidents since October, escalating to the workplace' }).waitFor();
    // Oldest first: the conduct rows' times never go back.
    const times = await page.locator('table.timeline tbody tr:not(.process-row) time').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime')!)));
    expect(times.length).toBeGreaterThan(2);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // The case's own process (listing, research returns) is folded into one line per day.
    expect(await page.locator('tr.process-row').count()).toBeGreaterThan(0);
    expect(await page.locator('tr.process-row summary', { hasText: 'research return' }).count()).toBeGreaterThan(0);
    // Behaviours are told apart at a glance: a chip per behaviour, coloured by its category.
    expect(await page.locator('.chip.behaviour[data-category="watching"]').count()).toBeGreaterThan(0);
    // The agenda gives each case its grade and a short label, and who is here lists each person once.
    const item = page.locator('.agenda li', { hasText: seeded.caseRef });
    await item.locator('.grade').waitFor();
    expect((await item.locator('.agenda-line').innerText()).length).toBeGreaterThan(3);
    const names = await page.locator('.presence li').allInnerTexts();
    expect(new Set(names).size).toBe(names.length);
    await expectAccessible(page, 'case view at 1440×900');
  });

  it('shows an incident recorded through the police API live, without reloading the page', async () => {
    await chairPage.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
    const summary = `Waited by the victim's car ${uniqueId('')}`;
    const police = await as('police', stack.urls.police);
    await police('POST', '/incidents', {
      subjects: [{ personId: seeded.ids.police.victim, role: 'victim' }, { personId: seeded.ids.police.suspect, role: 'suspect' }],
      occurredAt: new Date().toISOString(), behaviours: ['loitering_home'], offenceClass: 'pha_s2', summary,
    });
    const entry = chairPage.locator('td[data-lane="police"] .entry', { hasText: summary });
    await entry.waitFor({ timeout: LIVE_WITHIN_MS });
    await expect.poll(() => entry.locator('.badge.new').count()).toBe(1);
    expect(await chairPage.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  it('lets a CPS lawyer request a history check, see each entry marked evidence or intelligence, and download it as CSV, as a PDF naming her and as an accessible HTML page', async () => {
    const lawyer = demo('cps');
    const page = await pageAs(lawyer.name);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/history-checks');
    await expectAccessible(page, 'history check request');
    await page.getByLabel('Given name').fill(seeded.suspect.given);
    await page.getByLabel('Family name').fill(seeded.suspect.family);
    await page.getByLabel('Date of birth').fill(seeded.suspect.dateOfBirth);
    await page.getByLabel('Postcode (optional)').fill(seeded.suspect.postcode);
    await page.getByRole('button', { name: 'Record person' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: new RegExp(seeded.suspect.family) }).isChecked()).toBe(true);
    await page.getByLabel('CPS case file (URN)').fill(seeded.urn);
    await page.getByLabel('Purpose').fill('Charging decision on a harassment file');
    await page.getByRole('button', { name: 'Request history check' }).click();
    await page.waitForURL(/\/history-checks\/[0-9a-f-]{36}$/);
    await page.locator('table.data tbody tr', { hasText: 'incident recorded' }).first().waitFor({ timeout: 60_000 }).catch(async (err) => {
      // Leave what the lawyer saw in the test output: the likeliest failure is an agency answering slowly.
      console.log(await page.locator('main').innerText());
      throw err;
    });
    await page.getByText(/Expires/).waitFor();
    await expectAccessible(page, 'history check chronology');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csvDownload.suggestedFilename()).toMatch(/^history-check-.+\.csv$/);
    const csv = await readFile((await csvDownload.path())!, 'utf8');
    expect(csv.split('\r\n')[1]).toBe(`Requested by,${lawyer.name} (${lawyer.sub})`);
    expect(csv).toContain('incident recorded');

    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
    const pdf = new Uint8Array(await readFile((await pdfDownload.path())!));
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain(`${lawyer.name} (${lawyer.sub})`);
    expect(text).toContain('CPS history check');

    // Each entry is marked evidence or intelligence; the HTML export is a page that passes the same checks as the UI.
    await expect.poll(() => page.locator('table.data tbody tr', { hasText: 'incident recorded' }).first().locator('td').nth(3).innerText()).toBe('evidence');
    const [htmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML' }).click()]);
    expect(htmlDownload.suggestedFilename()).toMatch(/^history-check-.+\.html$/);
    const exported = await page.context().newPage();
    try {
      await exported.setContent(await readFile((await htmlDownload.path())!, 'utf8'));
      await expect.poll(() => exported.getByRole('table').getByRole('row', { name: /incident recorded evidence/ }).count()).toBeGreaterThan(0);
      await expectAccessible(exported, 'history check exported as HTML');
    } finally {
      await exported.close();
    }
  });

  it('lets the chair give a declined action to another agency from the case view', async () => {
    const chair = await as('chair', stack.urls.conference);
    const { actionId } = await chair<{ actionId: string }>('POST', `/cases/${seeded.caseRef}/actions`, { agency: 'police', description: 'Serve the bail variation', dueOn: '2027-01-15' });
    // Agreed at an earlier meeting and never done: raised when the next meeting starts (below).
    await chair('POST', `/cases/${seeded.caseRef}/actions`, { agency: 'health', description: 'Send the GP summary', dueOn: '2026-01-05' });
    const police = await as('police', stack.urls.police);
    await expect.poll(async () => (await police<{ actionId: string }[]>('GET', '/actions')).some((a) => a.actionId === actionId), { timeout: 20_000 }).toBe(true);
    await police('POST', `/actions/${actionId}/decline`, { reason: 'Court bail: for CPS to serve' });
    await chairPage.reload();
    const row = chairPage.locator('section.actions tr', { hasText: 'Serve the bail variation' });
    await row.getByText('Declined: Court bail: for CPS to serve').waitFor({ timeout: 20_000 });
    await row.locator('summary', { hasText: 'Cancel or reassign' }).click();
    await row.getByLabel('What to do').selectOption({ label: 'Give it to CPS' });
    await row.getByLabel('Reason').fill('Court bail');
    await row.getByRole('button', { name: 'Reassign the action' }).click();
    const cps = chairPage.locator('section.actions tr', { hasText: 'Serve the bail variation' }).filter({ hasText: 'CPS' });
    await cps.getByText('open', { exact: true }).waitFor({ timeout: 20_000 });
    await chairPage.locator('section.actions tr', { hasText: 'Note: Reassigned to cps: Court bail' }).getByText('cancelled', { exact: true }).waitFor();
    await expectAccessible(chairPage, 'case view with an action to change');
  });

  it('alerts the chair when a health worker flags a concern during the meeting', async () => {
    await chairPage.getByRole('button', { name: 'Start meeting' }).click();
    await chairPage.getByText('Discussing now').waitFor();
    // The action overdue on the case is raised as the meeting starts.
    await chairPage.locator('.alerts .alert', { hasText: 'Action overdue' }).filter({ hasText: 'Send the GP summary' }).waitFor({ timeout: 10_000 });

    const page = await pageAs(demo('health').name);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/health-concerns');
    await expectAccessible(page, 'health concerns');
    await page.locator('summary', { hasText: 'Record a person' }).click();
    await page.getByLabel('Given name').fill(seeded.victim.given);
    await page.getByLabel('Family name').fill(seeded.victim.family);
    await page.getByLabel('Date of birth').fill(seeded.victim.dateOfBirth);
    await page.getByLabel('Postcode (optional)').fill(seeded.victim.postcode);
    await page.getByRole('button', { name: 'Record person' }).click();
    await page.getByLabel('Victim', { exact: true }).selectOption({ label: `${seeded.victim.given} ${seeded.victim.family} (born ${seeded.victim.dateOfBirth})` });
    await page.getByLabel('Category').selectOption({ label: 'self-harm risk' });
    await page.getByLabel('Severity').selectOption('high');
    await page.getByLabel('Clinical detail').fill('Disclosed thoughts of self-harm at the appointment.');
    await page.getByRole('button', { name: 'Flag concern' }).click();
    await page.getByText(/Concern CON-.+ flagged\. Shared with the partnership/).waitFor();

    const alert = chairPage.locator('.alerts .alert', { hasText: 'Health concern flagged' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain('self-harm risk');
    expect(await alert.textContent()).toContain(seeded.caseRef);
  });

  it('lets the chair record attendance, and any member download the minutes as an accessible page', async () => {
    const minutes = chairPage.locator('section.minutes');
    await minutes.getByLabel(`${demo('police').name}: present`).check();
    await minutes.getByLabel(`${demo('health').name}: apologies`).check();
    await minutes.getByRole('button', { name: 'Record attendance' }).click();
    await minutes.getByText('Attendance recorded.').waitFor();
    const [download] = await Promise.all([chairPage.waitForEvent('download'), minutes.getByRole('button', { name: 'Minutes (HTML)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^minutes-.+\.html$/);
    const page = await chairPage.context().newPage();
    try {
      await page.setContent(await readFile((await download.path())!, 'utf8'));
      await page.getByRole('heading', { name: `Case ${seeded.caseRef}` }).waitFor();
      expect(await page.locator('h3:text-is("Present") + ul').innerText()).toContain(demo('police').name);
      expect(await page.locator('h3:text-is("Apologies") + ul').innerText()).toContain(demo('health').name);
      await expectAccessible(page, 'meeting minutes exported as HTML');
    } finally {
      await page.close();
    }
  });

  it('lets the chair remind the agencies whose research on a listed case is still awaited', async () => {
    // A partnership where only police run: a police referral is listed and the other three agencies' research
    // stays awaited.
    const partial = await startE2eStack({ agencies: ['police'] });
    try {
      const police = await as('police', partial.urls.police);
      const person = async (given: string, family: string, dateOfBirth: string) => (await police<{ personId: string }>('POST', '/people', { given, family, dateOfBirth, postcode: 'LS8 1HU' })).personId;
      const subjects = [{ personId: await person('Grace', 'Ellery', '1993-08-21'), role: 'victim' }, { personId: await person('Dean', 'Howe', '1980-12-02'), role: 'suspect' }];
      await police('POST', '/referrals', { subjects, criterion: 'high_risk', reason: 'Turned up at her gym three times this week' });
      const chair = await as('chair', partial.urls.conference);
      type Listed = { caseRef: string; status: string; research: { awaited: string[]; remindedAt: string | null } };
      await expect.poll(async () => (await chair<Listed[]>('GET', '/cases')).length, { timeout: 30_000 }).toBe(1);
      const [listed] = await chair<Listed[]>('GET', '/cases');
      expect(listed!.research).toEqual({ awaited: ['cps', 'health', 'advocacy'], remindedAt: null, returned: expect.any(Array) });

      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      contexts.push(context);
      const page = await context.newPage();
      await signIn(page, partial.urls.conference, demo('chair').name, '/meetings');
      await page.locator('summary', { hasText: 'Schedule a meeting' }).click();
      const late = page.locator('.late-research li', { hasText: listed!.caseRef });
      expect(await late.innerText()).toContain('CPS, Health, Advocacy');
      await late.getByRole('button', { name: `Remind the late agencies on ${listed!.caseRef}` }).click();
      await page.getByText('Reminder sent to the late agencies.').waitFor();
      await late.getByText('reminded just now').waitFor();
      // Recorded at the conference: the case now says when the late agencies were reminded.
      expect((await chair<Listed[]>('GET', '/cases'))[0]!.research.remindedAt).not.toBeNull();
      await expectAccessible(page, 'meetings with research awaited');
    } finally {
      await partial.stop();
    }
  });

  it('does not let a user who was not invited open the meeting', async () => {
    const page = await pageAs(demo('caldicott').name, `/meetings/${seeded.meetingId}`);
    await page.getByText('Could not open this meeting').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/not invited/);
    expect(await page.locator('td[data-lane]').count()).toBe(0);
    await page.getByRole('link', { name: 'Meetings' }).first().click();
    await page.getByText('You are not invited to any meeting yet.').waitFor();
  });

  it('has no serious or critical accessibility problem on the sign-in, police, advocacy and Caldicott screens', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const signInPage = await context.newPage();
    await signInPage.goto(`${stack.urls.conference}/sign-in`);
    await signInPage.getByRole('button', { name: /^Sam Okafor/ }).waitFor();
    await expectAccessible(signInPage, 'sign-in');

    const police = await pageAs(demo('police').name);
    await police.getByRole('heading', { name: 'DASH risk assessment' }).waitFor();
    await police.locator('summary', { hasText: 'Record a person' }).click();
    await expectAccessible(police, 'police records');

    const advocate = await pageAs(demo('advocate').name);
    await advocate.getByRole('heading', { name: 'Diary entry' }).waitFor();
    await expectAccessible(advocate, 'advocacy records');

    const caldicott = await pageAs(demo('caldicott').name);
    await caldicott.getByRole('heading', { name: 'Disclosure requests', exact: true }).waitFor();
    await caldicott.locator('.state.empty, .queue').first().waitFor();
    await expectAccessible(caldicott, 'Caldicott queue');
  });
});
