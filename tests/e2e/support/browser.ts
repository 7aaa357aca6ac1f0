import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CONVENE_CHROMIUM ?? '/usr/bin/chromium';

/** Debian's chromium, headless; playwright's own browser downloads are not available here. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: run \`node infra/bootstrap.mjs\` as root (installs Debian's chromium) or set CONVENE_CHROMIUM`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** Sign in through the UI's own sign-in screen, as one of the demo partnership's people. */
export async function signIn(page: Page, baseUrl: string, displayName: string, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/sign-in${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByRole('button', { name: new RegExp(`^${displayName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core on the page as it stands: the serious and critical violations only. */
export async function seriousA11yViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the devtools protocol, which the page's CSP (rightly) does not let a <script> tag do.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    // Runs in the page: its globals, typed here without the DOM library.
    const page = globalThis as unknown as {
      document: unknown;
      axe: { run: (context: unknown, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> };
    };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
