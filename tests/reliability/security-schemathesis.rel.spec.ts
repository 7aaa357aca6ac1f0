import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINCIPALS, SERVICES, type MatrixRole, type ServiceName } from '../security/principals.js';
import { startSecurityStack, type SecurityStack } from '../security/stack.js';
import { roleTokens } from '../security/tokens.js';

/*
 * Schemathesis (Python, from PyPI) against each service's own /openapi.json, with a token of a role the service
 * serves, checking only that no response is a 5xx. Fails (never skips) when it cannot be installed.
 * The coverage phase is left out: on CPython 3.11.7 it crashes inside hypothesis ("AST constructor recursion depth
 * mismatch" while describing a lambda), an error of the tool, not of the API; fuzzing meets it now and then too.
 */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 15);

/** Values for the identifier formats the documents name but no pattern can check (NHS number, PNC id). */
const HOOKS = fileURLToPath(new URL('./schemathesis-formats.py', import.meta.url));

const run = (cmd: string, args: string[], timeout = 600_000) => spawnSync(cmd, args, { encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });

/** Run without blocking this process's event loop: the services under test live in it. */
function runAsync(cmd: string, args: string[], timeoutMs: number): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SCHEMATHESIS_HOOKS: HOOKS } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

function schemathesisAvailable(): boolean {
  if (run('schemathesis', ['--version']).status === 0) return true;
  if (run('python3', ['-m', 'pip', '--version']).status !== 0) return false;
  const installed = run('python3', ['-m', 'pip', 'install', '--quiet', 'schemathesis']);
  return installed.status === 0 && run('schemathesis', ['--version']).status === 0;
}

const available = schemathesisAvailable();

/** Whose token each run uses: a role the service serves (health twice: its workers, and the Caldicott guardian). */
const RUNS: [ServiceName, MatrixRole][] = [['conference', 'chair'], ['police', 'police'], ['cps', 'cps'], ['health', 'health'], ['health', 'caldicott'], ['advocacy', 'advocate']];

describe('schemathesis: no server errors on any documented operation', () => {
  let stack: SecurityStack;
  let tokens: Record<MatrixRole, string>;
  let reports: string;

  beforeAll(async () => {
    if (!available) throw new Error('schemathesis could not be installed with `python3 -m pip install schemathesis`');
    stack = await startSecurityStack({ RATE_LIMIT_PER_MINUTE: '1000000' });
    tokens = await roleTokens();
    reports = mkdtempSync(join(tmpdir(), 'convene-schemathesis-'));
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    if (reports) rmSync(reports, { recursive: true, force: true });
  });

  it.each(RUNS)('%s as %s', async (service, role) => {
    expect(PRINCIPALS[role]).toBeDefined();
    const junit = join(reports, `${service}-${role}.xml`);
    const result = await runAsync('schemathesis', [
      'run', `${stack.urls[service]}/openapi.json`, '--url', stack.urls[service],
      '--checks', 'not_a_server_error', '--header', `Authorization: Bearer ${tokens[role]}`,
      '--max-examples', String(MAX_EXAMPLES), '--phases', 'examples,fuzzing', '--no-shrink', '--generation-database', 'none',
      '--seed', String(Number(process.env.FC_SEED ?? 20261123)), '--workers', '2', '--report', 'junit', '--report-junit-path', junit,
    ], 840_000);
    const { output } = result;
    const summary = output.split('\n').filter((l) => /passed|failed|errored|test cases|operations/i.test(l)).slice(-6).join('\n');
    console.log(`[security] schemathesis ${service} as ${role}:\n${summary}`);
    const report = readFileSync(junit, 'utf8');
    expect(report, output.slice(-4000)).toContain('<testsuite');
    // A failed check (a 5xx) is a <failure>; the tool's own crashes are <error>s. The only one tolerated is the
    // CPython 3.11.7 bug hypothesis trips over while describing a strategy (fixed in CPython 3.11.8).
    expect(report.match(/<failure[\s\S]{0,2000}/g) ?? [], 'schemathesis found server errors').toEqual([]);
    const errors = report.match(/<error[\s\S]*?<\/error>/g) ?? [];
    expect(errors.filter((e) => !/AST constructor recursion depth mismatch/.test(e)).map((e) => e.slice(0, 2000)), output.slice(-4000)).toEqual([]);
    expect(output).toMatch(/(\d+) generated, \1 passed/);
    if (errors.length === 0) expect(result.status, output.slice(-6000)).toBe(0);
  }, 900_000);
});
