// `npm run screenshots`: PNGs of each main screen, signed in as each role, into docs/screenshots/.
// Uses a demo already running at 127.0.0.1:4100 if there is one; otherwise starts the local stack (unless
// KAFKA_BROKERS/MONGO_URL are set) and the five services itself, and stops what it started. Either way it
// adds one case of its own (tests/e2e/support/scenario.ts) so every screen has something to show.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { ensureStack, stopStack } from '../infra/local/stack.js';
import { SERVICE_NAMES, repoRoot, startService, waitHealthy, type RunningService } from './lib/services.js';
import { devEnvironment } from './lib/devSecrets.js';
import { launchBrowser, signIn } from '../tests/e2e/support/browser.js';
import { as, demo, eventually, publishStatistics, seedCase, statisticsArrived, type SeededCase, type Urls } from '../tests/e2e/support/scenario.js';

const say = (line: string) => console.log(`[screenshots] ${line}`);
const OUT = join(repoRoot, 'docs', 'screenshots');
const DEMO_URL = 'http://127.0.0.1:4100';

interface Running {
  urls: Urls;
  stop(): Promise<void>;
}

async function runningDemo(): Promise<Running | null> {
  try {
    const res = await fetch(`${DEMO_URL}/config.json`, { signal: AbortSignal.timeout(1500) });
    if (!res.ok) return null;
    const config = (await res.json()) as { agencies: Omit<Urls, 'conference'> };
    say(`using the demo running at ${DEMO_URL}`);
    return { urls: { conference: DEMO_URL, ...config.agencies }, stop: async () => undefined };
  } catch {
    return null;
  }
}

async function startOwn(): Promise<Running> {
  const { endpoints, startedByUs } = await ensureStack({ log: say });
  const tag = randomBytes(3).toString('hex');
  // Topics and databases of its own, so a run never replays another's history.
  const env = devEnvironment({
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','), MONGO_URL: endpoints.mongoUrl, LOG_LEVEL: 'warn',
    KAFKA_TOPIC_PREFIX: `shots${tag}`, MONGO_DB_SUFFIX: `_shots${tag}`,
  });
  const logDir = mkdtempSync(join(tmpdir(), 'convene-screenshots-'));
  const services: RunningService[] = SERVICE_NAMES.map((name) => startService(name, env, logDir));
  const stop = async () => {
    await Promise.all(services.map((s) => s.stop()));
    if (startedByUs) await stopStack({ log: say });
  };
  try {
    await Promise.all(services.map((s) => waitHealthy(s)));
  } catch (err) {
    await stop();
    throw err;
  }
  const url = (name: string) => services.find((s) => s.name === name)!.url;
  say(`started the five services (logs in ${logDir})`);
  return { urls: { conference: url('conference'), police: url('police'), cps: url('cps'), health: url('health'), advocacy: url('advocacy') }, stop };
}

/** What a meeting looks like part-way through: running, a decision, an action, a Caldicott request, a CPS check. */
async function prepare(urls: Urls, seeded: SeededCase): Promise<{ requestRef: string }> {
  const chair = await as('chair', urls.conference);
  await chair('POST', `/meetings/${seeded.meetingId}/start`);
  await chair('POST', `/cases/${seeded.caseRef}/review`, { meetingId: seeded.meetingId, riskDecision: 'high', rationale: 'Escalating fixation; victim rates her risk high', nextReviewOn: new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10) });
  await chair('POST', `/cases/${seeded.caseRef}/actions`, { agency: 'police', description: 'Apply for an interim Stalking Protection Order', dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), meetingId: seeded.meetingId });
  await chair('POST', `/cases/${seeded.caseRef}/actions`, { agency: 'health', description: 'GP to review support for anxiety', dueOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10), meetingId: seeded.meetingId });
  const { view } = await chair<{ view: { healthConcerns: { concernRef: string }[] } }>('GET', `/cases/${seeded.caseRef}`);
  const concernRef = view.healthConcerns[0]?.concernRef;
  if (concernRef) {
    await chair('POST', `/cases/${seeded.caseRef}/disclosure-requests`, { concernRef, reason: 'To judge the effect on the victim for the risk decision', proposedAudience: [{ role: 'chair' }, { agency: 'police' }] });
  }
  const cps = await as('cps', urls.cps);
  const suspect = await cps<{ personId: string }>('POST', '/people', seeded.suspect);
  const { requestRef } = await cps<{ requestRef: string }>('POST', '/history-requests', { urn: seeded.urn, suspects: [suspect.personId], lawfulBasis: 'charging_decision', purpose: 'Charging decision on a harassment file' });
  const conference = await as('cps', urls.conference);
  await eventually('the history check to be answered', async () => (await conference<{ answeredBy: string[] }>('GET', `/history-checks/${requestRef}`)).answeredBy.length >= 2, 60_000);
  // The scrutiny page's six months, published again as the agencies' daily run would once records change
  // (the demo seed published them already; a stack of its own has none until now).
  const thisMonth = new Date().toISOString().slice(0, 7);
  const months = Array.from({ length: 6 }, (_, i) => {
    const d = new Date(`${thisMonth}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - 5 + i);
    return d.toISOString().slice(0, 7);
  });
  for (const month of months) await publishStatistics(urls, month);
  await statisticsArrived(urls, thisMonth);
  return { requestRef };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.locator('.state.loading').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  say(`  docs/screenshots/${name}.png`);
}

async function capture(browser: Browser, urls: Urls, seeded: SeededCase, requestRef: string): Promise<void> {
  const open = async (role: Parameters<typeof demo>[0], next = '/') => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await signIn(page, urls.conference, demo(role).name, next);
    return page;
  };

  const anon = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await anon.goto(`${urls.conference}/sign-in`);
  await anon.getByRole('button', { name: /^Sam Okafor/ }).waitFor();
  await shoot(anon, 'sign-in');

  const chair = await open('chair');
  await chair.getByRole('link', { name: 'Leeds stalking clinic' }).first().waitFor();
  await shoot(chair, 'meetings');
  await chair.goto(`${urls.conference}/meetings/${seeded.meetingId}`);
  await chair.getByText('Live', { exact: true }).waitFor({ timeout: 15_000 });
  // A concern flagged mid-meeting: the board raises an alert.
  const health = await as('health', urls.health);
  await health('POST', '/concerns', {
    subjects: [{ personId: seeded.ids.health.victim, role: 'victim' }], occurredAt: new Date().toISOString(), subjectRole: 'victim',
    category: 'self_harm_risk', severity: 'high', contact: { service: 'Leeds mental health crisis team', telephone: '0113 000 0000' }, detail: 'Disclosed thoughts of self-harm.',
  });
  await chair.locator('.alerts .alert').first().waitFor({ timeout: 20_000 });
  await chair.waitForTimeout(800);
  await shoot(chair, 'meeting-board');
  await chair.getByRole('button', { name: /Show evidence/ }).first().click();
  await chair.waitForTimeout(600);
  await chair.screenshot({ path: join(OUT, 'signal-evidence.png') });
  say('  docs/screenshots/signal-evidence.png');
  await chair.goto(`${urls.conference}/cases/${seeded.caseRef}`);
  await chair.getByRole('heading', { name: 'Course of conduct' }).waitFor();
  await shoot(chair, 'case-view');

  const lawyer = await open('cps');
  await shoot(lawyer, 'history-check-request');
  await lawyer.goto(`${urls.conference}/history-checks/${requestRef}`);
  await lawyer.getByRole('button', { name: 'Download PDF' }).waitFor();
  await shoot(lawyer, 'history-check');

  const clinician = await open('health');
  await shoot(clinician, 'health-concern');
  const guardian = await open('caldicott');
  await guardian.locator('.queue, .state.empty').first().waitFor();
  await shoot(guardian, 'health-disclosure-queue');

  const officer = await open('police');
  await officer.getByRole('heading', { name: 'DASH risk assessment' }).waitFor();
  await shoot(officer, 'police-forms');
  const advocate = await open('advocate');
  await shoot(advocate, 'advocacy-forms');

  const panel = await open('scrutiny');
  await panel.locator('section.agency-figures').first().waitFor({ timeout: 15_000 });
  await shoot(panel, 'scrutiny');
  await panel.getByRole('radio', { name: 'Quarter', exact: true }).check();
  await panel.locator('section.derived-card').first().waitFor({ timeout: 15_000 });
  await shoot(panel, 'scrutiny-quarters');
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const running = (await runningDemo()) ?? (await startOwn());
  let browser: Browser | undefined;
  try {
    say('recording a case through the agencies\' APIs…');
    const seeded = await seedCase(running.urls, { tag: randomBytes(3).toString('hex') });
    const { requestRef } = await prepare(running.urls, seeded);
    browser = await launchBrowser();
    await capture(browser, running.urls, seeded, requestRef);
    say(`done: ${OUT}`);
  } finally {
    await browser?.close();
    await running.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[screenshots] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
