import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { launchBrowser, seriousA11yViolations, signIn } from './support/browser.js';
import { as, demo, publishStatistics, statisticsArrived } from './support/scenario.js';
import { startE2eStack, type E2eStack } from './support/stack.js';
import { uniqueId } from '../support/infra.js';

const CSV_HEADER = 'Period,From,To,Agency,Measure,Breakdown,Figure,Value,Suppressed,Published at';
const monthOf = (at: Date) => at.toISOString().slice(0, 7);
const addMonths = (month: string, offset: number) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return monthOf(new Date(Date.UTC(year, m - 1 + offset, 1)));
};
const longMonth = (month: string) => new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
const monthName = (month: string) => longMonth(month).split(' ')[0]!;
/** A quarter ending at least six months ago: outside the page's default six months. */
const PAST_QUARTER_END = (() => {
  const back = addMonths(monthOf(new Date()), -6);
  return addMonths(back, -(Number(back.slice(5)) % 3));
})();
const PAST_QUARTER = [addMonths(PAST_QUARTER_END, -2), addMonths(PAST_QUARTER_END, -1), PAST_QUARTER_END];
const shortMonth = (month: string) => new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/**
 * This month's records, chosen so that the page has each kind of figure: six stalking (s2A) offences and
 * five SPO applications (a ratio of 0.83), two harassment (s2) offences and one declined DASH (suppressed:
 * fewer than 5, so the declined rate is not given), and one record at each other agency.
 */
async function recordThisMonth(stack: E2eStack, tag: string): Promise<void> {
  const now = () => new Date().toISOString();
  const person = (given: string, family: string, dateOfBirth: string) => ({ given, family: `${family}-${tag}`, dateOfBirth, postcode: 'LS6 2AB' });
  const pair = async (call: Awaited<ReturnType<typeof as>>) => [
    { personId: (await call<{ personId: string }>('POST', '/people', person('Ruth', 'Ainsworth', '1987-05-14'))).personId, role: 'victim' },
    { personId: (await call<{ personId: string }>('POST', '/people', person('Colin', 'Brady', '1982-09-02'))).personId, role: 'suspect' },
  ];

  const police = await as('police', stack.urls.police);
  const subjects = await pair(police);
  for (let i = 0; i < 6; i++) await police('POST', '/incidents', { subjects, occurredAt: now(), behaviours: ['following'], offenceClass: 'pha_s2a', summary: `Followed the victim home (${i + 1})` });
  for (let i = 0; i < 2; i++) await police('POST', '/incidents', { subjects, occurredAt: now(), behaviours: ['messages'], offenceClass: 'pha_s2', summary: `Unwanted messages (${i + 1})` });
  for (let i = 0; i < 5; i++) await police('POST', '/spos', { subjects, occurredAt: now(), kind: 'interim' });
  await police('POST', '/risk-assessments', { subjects, occurredAt: now(), declined: true });

  const cps = await as('cps', stack.urls.cps);
  await cps('POST', '/charging-decisions', { subjects: await pair(cps), occurredAt: now(), outcome: 'charge', offenceClass: 'pha_s2a' });
  const health = await as('health', stack.urls.health);
  await health('POST', '/concerns', {
    subjects: await pair(health), occurredAt: now(), subjectRole: 'victim', category: 'psychological_distress', severity: 'medium',
    contact: { service: 'Leeds GP practice' }, detail: 'Anxiety since the contact began.',
  });
  const advocacy = await as('advocate', stack.urls.advocacy);
  const [victim] = await pair(advocacy);
  await advocacy('POST', '/engagements', { subjects: [victim], occurredAt: now(), consent: 'full', consentGivenOn: now().slice(0, 10) });
}

/**
 * A past quarter of police records, backdated: 2, 3 and no SPO applications, 3, 2 and 6 stalking offences.
 * Each of the first two months is suppressed alone; the quarter adds up to 5 and 11.
 */
async function recordPastQuarter(stack: E2eStack, tag: string): Promise<void> {
  const police = await as('police', stack.urls.police);
  const person = async (given: string, family: string, dateOfBirth: string) => (await police<{ personId: string }>('POST', '/people', { given, family: `${family}-${tag}`, dateOfBirth, postcode: 'LS7 3QB' })).personId;
  const subjects = [{ personId: await person('Nadia', 'Okafor', '1990-02-11'), role: 'victim' }, { personId: await person('Ryan', 'Marsh', '1985-06-30'), role: 'suspect' }];
  const plan = [{ spo: 2, s2a: 3 }, { spo: 3, s2a: 2 }, { spo: 0, s2a: 6 }];
  for (const [i, month] of PAST_QUARTER.entries()) {
    const occurredAt = `${month}-12T10:00:00.000Z`;
    for (let k = 0; k < plan[i]!.spo; k++) await police('POST', '/spos', { subjects, occurredAt, kind: 'interim' });
    for (let k = 0; k < plan[i]!.s2a; k++) await police('POST', '/incidents', { subjects, occurredAt, behaviours: ['following'], offenceClass: 'pha_s2a', summary: `Waited outside her work (${k + 1})` });
  }
  for (const month of PAST_QUARTER) await police('POST', `/statistics/${month}/publish`, {});
}

describe('the scrutiny page, in a browser, against the whole partnership', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  const contexts: BrowserContext[] = [];
  const month = monthOf(new Date());
  const period = { from: addMonths(month, -5), to: month };
  // In a quarter's last month a suppressed figure may have been withheld beside its quarter: the page then says
  // "suppressed" with a note, not "fewer than 5".
  const quarterEnd = Number(month.slice(5)) % 3 === 0;
  const small = quarterEnd ? 'suppressed† (fewer than 5, or withheld so that another cannot be worked out, see the note)' : 'fewer than 5';

  async function pageAs(displayName: string, next = '/'): Promise<Page> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    contexts.push(context);
    const p = await context.newPage();
    await signIn(p, stack.urls.conference, displayName, next);
    return p;
  }

  /** The cells of one month's row of a measure's table, after the month itself. */
  async function rowOf(measure: string, agencySection: string) {
    const section = page.locator('section.agency-figures', { has: page.getByRole('heading', { name: agencySection, exact: true }) });
    const table = section.locator('div.measure', { has: page.getByRole('heading', { name: measure, exact: true }) }).locator('table');
    const row = table.locator('tbody tr', { has: page.locator('th', { hasText: shortMonth(month) }) });
    return (await row.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  beforeAll(async () => {
    stack = await startE2eStack();
    const tag = uniqueId('').slice(0, 6).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
    await recordThisMonth(stack, tag);
    await recordPastQuarter(stack, tag);
    await publishStatistics(stack.urls, month);
    await statisticsArrived(stack.urls, month);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await stack?.stop();
  });

  it('signs the scrutiny panel member in to the figures, with no link to a case or a meeting', async () => {
    page = await pageAs(demo('scrutiny').name);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/scrutiny');
    await page.getByRole('heading', { name: 'Partnership figures', level: 1 }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Partnership figures']);
    expect(await page.locator('a[href^="/cases"], a[href^="/meetings"]').count()).toBe(0);
    // The default period: the last six months, this one included.
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(period.from);
    expect(await page.getByLabel('To (included)').inputValue()).toBe(period.to);
  });

  it('shows this month\'s figures per agency, a suppressed cell as "fewer than 5" and the months not published as such', async () => {
    await page.locator('section.agency-figures').first().waitFor();
    const offences = await rowOf('Offences recorded, by offence class', 'Police');
    // Harassment s2, Stalking s2A, Harassment s4, Stalking s4A, malicious communications, other.
    expect(offences).toEqual([small, '6', '0', '0', '0', '0']);
    expect(await rowOf('Stalking Protection Order applications', 'Police')).toEqual(['5']);
    expect((await rowOf('DASH risk assessments', 'Police'))[1]).toBe(small);
    expect(await rowOf('History checks requested', 'CPS')).toEqual(['0']);

    const earlier = page.locator('div.measure', { has: page.getByRole('heading', { name: 'Arrests', exact: true }) })
      .locator('tbody tr', { has: page.locator('th', { hasText: shortMonth(addMonths(month, -1)) }) });
    expect((await earlier.innerText()).replace(/\s+/g, ' ')).toContain('not published');
    await page.getByText('Published for 1 of 6 months').first().waitFor();
  });

  it('shows the SPO applications : stalking offences ratio with its parts, and why the declined DASH rate is not given', async () => {
    const spo = page.locator('section.derived-card', { has: page.getByRole('heading', { name: 'SPO applications : stalking offences' }) });
    expect(await spo.locator('.headline').innerText()).toMatch(/0\.83\s+in .+: 5 SPO applications : 6 stalking offences/);
    const spoRow = spo.locator('tbody tr', { has: page.locator('th', { hasText: shortMonth(month) }) });
    expect((await spoRow.locator('td').allInnerTexts()).slice(0, 3)).toEqual(['0.83', '5', '6']);
    // The chart has a text alternative naming the month's value.
    expect(await spo.getByRole('img').getAttribute('aria-labelledby')).toBeTruthy();
    expect(await spo.locator('svg desc').textContent()).toContain('0.83');

    const declined = page.locator('section.derived-card', { has: page.getByRole('heading', { name: 'Declined DASH rate' }) });
    const declinedRow = declined.locator('tbody tr', { has: page.locator('th', { hasText: shortMonth(month) }) });
    const cells = (await declinedRow.locator('td').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['not given', 'suppressed', 'suppressed', quarterEnd ? 'Declined: suppressed' : 'Declined: fewer than 5, suppressed']);
  });

  it('has no serious or critical accessibility problem', async () => {
    const found = await seriousA11yViolations(page);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

  it('downloads the period as CSV and as PDF', async () => {
    const [csvResponse, csvDownload] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/scrutiny/figures.csv')),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(csvResponse.status()).toBe(200);
    expect(csvResponse.headers()['content-type']).toMatch(/^text\/csv/);
    expect(csvDownload.suggestedFilename()).toBe(`scrutiny-${period.from}-to-${period.to}.csv`);
    const lines = (await readFile((await csvDownload.path())!, 'utf8')).split('\r\n');
    expect(lines[0]).toBe('Convene partnership scrutiny figures');
    expect(lines[1]).toBe(`Period,${period.from} to ${period.to}`);
    expect(lines[5]).toBe(CSV_HEADER);
    const row = `${longMonth(month)},${month},${month}`;
    expect(lines.find((l) => l.startsWith(`${row},Police,offences.recorded,pha_s2a,`))).toMatch(/,6,no,/);
    expect(lines.find((l) => l.startsWith(`${row},Police,offences.recorded,pha_s2,`))).toMatch(/,suppressed,yes,/);

    const [pdfResponse, pdfDownload] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/scrutiny/figures.pdf')),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
    expect(pdfDownload.suggestedFilename()).toBe(`scrutiny-${period.from}-to-${period.to}.pdf`);
    const pdf = new Uint8Array(await readFile((await pdfDownload.path())!));
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('Partnership scrutiny figures');
  });

  it('shows a past quarter, whose small months add up, by quarter and by the year ending it, with the ratio no month could give', async () => {
    await page.getByLabel('From', { exact: true }).selectOption(PAST_QUARTER[0]!);
    await page.getByLabel('To (included)').selectOption(PAST_QUARTER_END);
    await page.getByRole('button', { name: 'Show figures' }).click();
    const spo = page.locator('section.derived-card', { has: page.getByRole('heading', { name: 'SPO applications : stalking offences' }) });
    // By month, only the last month (no applications, 6 offences) can be given: the first two are suppressed.
    await expect.poll(async () => (await spo.locator('.headline').innerText()).replace(/\s+/g, ' ')).toBe(`0.00 in ${longMonth(PAST_QUARTER_END)}: 0 SPO applications : 6 stalking offences`);

    await page.getByRole('radio', { name: 'Quarter', exact: true }).check();
    const quarterLabel = `${monthName(PAST_QUARTER[0]!)} to ${longMonth(PAST_QUARTER_END)}`;
    await expect.poll(async () => (await spo.locator('.headline').innerText()).replace(/\s+/g, ' ')).toBe(`0.45 in ${quarterLabel}: 5 SPO applications : 11 stalking offences`);
    expect(await spo.locator('svg desc').textContent()).toBe(`Given for 1 of 1 quarter: ${quarterLabel} 0.45.`);
    expect(await spo.locator('svg title').textContent()).toBe('SPO applications : stalking offences, quarter by quarter');
    const applications = page.locator('section.agency-figures', { has: page.getByRole('heading', { name: 'Police', exact: true }) })
      .locator('div.measure', { has: page.getByRole('heading', { name: 'Stalking Protection Order applications', exact: true }) });
    expect(await applications.locator('thead th').first().innerText()).toBe('Quarter');
    expect((await applications.locator('tbody td').allInnerTexts()).map((t) => t.trim())).toEqual(['5']);
    // Figures counted at a month's end are not given for a quarter: the conference's overdue actions are not listed.
    expect(await page.getByRole('heading', { name: 'Actions overdue at month end, by agency' }).count()).toBe(0);
    let found = await seriousA11yViolations(page);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);

    await page.getByRole('radio', { name: 'Year ending each quarter' }).check();
    await expect.poll(async () => (await spo.locator('.headline').innerText()).replace(/\s+/g, ' ')).toMatch(new RegExp(`in Year ending ${longMonth(PAST_QUARTER_END)}: 5 SPO applications : 11 stalking offences`));
    found = await seriousA11yViolations(page);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const lines = (await readFile((await csvDownload.path())!, 'utf8')).split('\r\n');
    expect(lines.find((l) => l.startsWith(`${quarterLabel},${PAST_QUARTER[0]},${PAST_QUARTER_END},Police,spo.applications,`))).toMatch(/,5,no,/);
    expect(lines.find((l) => l.startsWith(`${quarterLabel},${PAST_QUARTER[0]},${PAST_QUARTER_END},Partnership,derived.spo_applications_per_stalking_offence,`))).toMatch(/,0\.4545,no,/);
    await page.getByRole('radio', { name: 'Month', exact: true }).check();
  });

  it('says when nothing is published for a period, and refuses a period that ends before it starts', async () => {
    await page.getByLabel('From', { exact: true }).selectOption(addMonths(month, -2));
    await page.getByLabel('To (included)').selectOption(addMonths(month, -3));
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('The first month must not be after the last month.').waitFor();

    await page.getByLabel('From', { exact: true }).selectOption(addMonths(month, -4));
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.getByText('No figures published for this period yet — agencies publish monthly.').waitFor();
    expect(await page.locator('section.agency-figures').count()).toBe(0);
    const found = await seriousA11yViolations(page);
    expect(found, JSON.stringify(found, null, 2)).toEqual([]);
  });

  it('does not show a case or a meeting to the scrutiny panel, in the page or through the API', async () => {
    await page.goto(`${stack.urls.conference}/cases/CNV-${month.slice(0, 4)}-000001`);
    await page.getByRole('heading', { name: 'Not available to you' }).waitFor();
    expect(await page.getByText(/never a case, a meeting/).count()).toBe(1);
    expect(await page.locator('td[data-lane]').count()).toBe(0);
    await page.goto(`${stack.urls.conference}/meetings`);
    await page.getByRole('heading', { name: 'Not available to you' }).waitFor();

    const scrutiny = await as('scrutiny', stack.urls.conference);
    await expect(scrutiny('GET', `/cases/CNV-${month.slice(0, 4)}-000001`)).rejects.toThrow(/→ 403/);
    await expect(scrutiny('GET', '/meetings')).rejects.toThrow(/→ 403/);
  });

  it('gives the chair the figures too', async () => {
    const chair = await pageAs(demo('chair').name);
    await chair.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partnership figures' }).click();
    await chair.getByRole('heading', { name: 'SPO applications : stalking offences' }).waitFor();
    expect(await chair.locator('section.derived-card .headline').first().innerText()).toContain('0.83');
  });
});
